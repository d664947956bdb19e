package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.control.Option;

/**
 * One state of the receiving entity's side of one SASL exchange (RFC 4422 §3, RFC 6120 §6.4).
 * Each input returns a {@link ServerStep}: a challenge to send, an account to look up, or the
 * outcome. An input the state does not expect is answered with a failure, never an exception.
 * Immutable: every input returns a new value and leaves this one unchanged.
 */
public interface SaslServer {

    /** The mechanism the client selected. */
    String mechanism();

    /** The {@code <auth/>} data; none when the element is empty (no initial response, RFC 6120 §6.4.2). */
    ServerStep onAuth(Option<Bytes> initialResponse);

    /** A {@code <response/>} (RFC 6120 §6.4.3); none when the element carries no data. */
    ServerStep onResponse(Option<Bytes> response);

    /** The answer to {@link ServerStep.LookupCredentials}: the account's stored credentials, or none if there is no such account. */
    ServerStep onCredentials(Option<StoredCredentials> credentials);

    /** {@code <abort/>} (RFC 6120 §6.4.4): the outcome is {@code aborted}. */
    ServerStep onAbort();
}
