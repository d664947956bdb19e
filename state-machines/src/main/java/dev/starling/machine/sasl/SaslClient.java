package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * One state of the initiating entity's side of one SASL exchange (RFC 4422 §3, RFC 6120 §6.4).
 * The session sends {@code <auth mechanism=...>} with {@link #initialResponse()}, answers each
 * {@code <challenge/>} with the {@code <response/>} that {@link #onChallenge} returns (continuing
 * with its next state), and on {@code <success/>} asks {@link #onSuccess} whether the outcome is
 * verified. Immutable: every input returns a new value and leaves this one unchanged.
 */
public interface SaslClient {

    /** The mechanism name sent in {@code <auth/>}, e.g. {@code SCRAM-SHA-256-PLUS}. */
    String mechanism();

    /** The data for {@code <auth/>}; none means the element carries no initial response. */
    Option<Bytes> initialResponse();

    /** The response to a server challenge with the state that follows, or why the challenge is refused (then send {@code <abort/>}). */
    Either<SaslClientError, ClientStep> onChallenge(Bytes challenge);

    /**
     * Checks {@code <success/>} and its additional data (RFC 6120 §6.4.6): none means the
     * outcome is verified. SCRAM verifies the server signature ({@code v=}) here and fails on a
     * server error ({@code e=}) or a success that arrives before the exchange is complete.
     */
    Option<SaslClientError> onSuccess(Option<Bytes> additionalData);
}
