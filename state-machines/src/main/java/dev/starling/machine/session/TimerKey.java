package dev.starling.machine.session;

import java.util.Objects;

/**
 * Names a timer a machine started, so that it can cancel it and recognise it when it fires.
 *
 * @param name the timer's name, unique within one session
 */
public record TimerKey(String name) {

    /** Stream negotiation must finish in time (RFC 6120 §4.3; connection-timeout otherwise). */
    public static final TimerKey NEGOTIATION = new TimerKey("negotiation");
    /** After sending {@code </stream:stream>}, how long to wait for the peer's (RFC 6120 §4.4). */
    public static final TimerKey CLOSING = new TimerKey("closing");
    /** Whitespace keepalive interval (RFC 6120 §4.6.1). */
    public static final TimerKey KEEPALIVE = new TimerKey("keepalive");
    /** No input from the peer for this long ends the stream (RFC 6120 §4.6.1, §4.9.3.4). */
    public static final TimerKey IDLE = new TimerKey("idle");

    /** The answer to a liveness ping sent after {@link #IDLE} must arrive in time (XEP-0199 §4.1). */
    public static final TimerKey LIVENESS = new TimerKey("liveness");

    public TimerKey {
        Objects.requireNonNull(name, "name");
    }

    /** The timeout of the IQ request with this id. */
    public static TimerKey iq(String id) {
        return new TimerKey("iq:" + id);
    }
}
