package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The client of a mechanism that says everything in its initial response and expects no
 * challenge: PLAIN (RFC 4616 §2), EXTERNAL (RFC 4422 Appendix A) and ANONYMOUS (RFC 4505 §2).
 * None of them defines additional data with success, so only an empty success is verified.
 */
final class SingleMessageClient implements SaslClient {

    private final String mechanism;
    private final Bytes message;

    SingleMessageClient(String mechanism, Bytes message) {
        this.mechanism = mechanism;
        this.message = message;
    }

    @Override
    public String mechanism() {
        return mechanism;
    }

    @Override
    public Option<Bytes> initialResponse() {
        return Option.some(message);
    }

    @Override
    public Either<SaslClientError, ClientStep> onChallenge(Bytes challenge) {
        return Either.left(new SaslClientError(mechanism + " defines no server challenge"));
    }

    @Override
    public Option<SaslClientError> onSuccess(Option<Bytes> additionalData) {
        return additionalData.exists(data -> !data.isEmpty())
                ? Option.some(new SaslClientError(mechanism + " defines no additional data with success"))
                : Option.none();
    }
}
