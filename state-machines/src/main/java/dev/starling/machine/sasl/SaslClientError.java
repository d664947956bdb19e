package dev.starling.machine.sasl;

import java.util.Objects;

/**
 * Why the client refuses to continue or to accept a success: an invalid challenge, a nonce the
 * client did not start, too few iterations, a server error ({@code e=}), a wrong server
 * signature (RFC 5802 §5, §9). The session aborts the exchange (RFC 6120 §6.4.4) or, after
 * {@code <success/>}, closes the stream.
 *
 * @param reason what went wrong, in words
 */
public record SaslClientError(String reason) {

    public SaslClientError {
        Objects.requireNonNull(reason, "reason");
    }
}
