package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import dev.starling.model.sasl.SaslFailureCondition;
import io.vavr.control.Option;

/**
 * The base of every server state: an input the state does not expect fails the exchange
 * (RFC 6120 §6.5.8 {@code malformed-request}; credentials nobody asked for are a server-side
 * error, §6.5.11), and {@code <abort/>} ends it in any state (§6.4.4, §6.5.1).
 */
abstract class SaslServerState implements SaslServer {

    private final String mechanism;

    SaslServerState(String mechanism) {
        this.mechanism = mechanism;
    }

    @Override
    public final String mechanism() {
        return mechanism;
    }

    @Override
    public ServerStep onAuth(Option<Bytes> initialResponse) {
        return failure(SaslFailureCondition.MALFORMED_REQUEST, "unexpected <auth/>");
    }

    @Override
    public ServerStep onResponse(Option<Bytes> response) {
        return failure(SaslFailureCondition.MALFORMED_REQUEST, "unexpected <response/>");
    }

    @Override
    public ServerStep onCredentials(Option<StoredCredentials> credentials) {
        return failure(SaslFailureCondition.TEMPORARY_AUTH_FAILURE, "credentials arrived that were not asked for");
    }

    @Override
    public final ServerStep onAbort() {
        return failure(SaslFailureCondition.ABORTED, "the client aborted the exchange");
    }

    static ServerStep.Failure failure(SaslFailureCondition condition, String text) {
        return new ServerStep.Failure(condition, text);
    }

    static ServerStep.Failure malformed(String text) {
        return failure(SaslFailureCondition.MALFORMED_REQUEST, text);
    }

    /** The one answer to a wrong password, an unknown user or a name that cannot be prepared (RFC 6120 §6.5.10). */
    static ServerStep.Failure notAuthorized() {
        return failure(SaslFailureCondition.NOT_AUTHORIZED, "authentication failed");
    }
}
