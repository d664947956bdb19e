package dev.starling.machine.sasl;

import dev.starling.model.Bytes;

import java.util.Objects;

/**
 * The client's answer to a challenge: the {@code <response/>} data to send (RFC 6120 §6.4.3) and
 * the state that handles what the server sends next.
 *
 * @param next     the next state of the exchange
 * @param response the response data (possibly empty, sent as {@code =})
 */
public record ClientStep(SaslClient next, Bytes response) {

    public ClientStep {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(response, "response");
    }
}
