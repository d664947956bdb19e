package dev.starling.machine.stream.federation;

/**
 * The states of this server's stream to a peer server, each named for what it expects next
 * (RFC 6120 §4 to §6, the Server1 half of the §9.2 walkthrough).
 */
public sealed interface OutboundState {

    /** The context so far. */
    OutboundContext context();

    /** Before the TCP connection is open (the shell resolves {@code _xmpp-server._tcp} first, RFC 6120 §3.2). */
    record AwaitConnection(OutboundContext context) implements OutboundState {
    }

    /** TLS is being negotiated: direct TLS (XEP-0368) or after {@code <proceed/>} (RFC 6120 §5.4.3.3). */
    record ExpectTlsHandshake(OutboundContext context) implements OutboundState {
    }

    /** This server sent its initial header and waits for the response header (RFC 6120 §4.2). */
    record ExpectStreamHeader(OutboundContext context) implements OutboundState {
    }

    /** The response header arrived; the features come next (RFC 6120 §4.3.2). */
    record ExpectFeatures(OutboundContext context) implements OutboundState {
    }

    /** {@code <starttls/>} was sent; {@code <proceed/>} or {@code <failure/>} comes next (RFC 6120 §5.4.2). */
    record ExpectTlsProceed(OutboundContext context) implements OutboundState {
    }

    /** {@code <auth mechanism='EXTERNAL'>} was sent; success or failure comes next (RFC 6120 §6.4.5, §6.4.6). */
    record ExpectSaslOutcome(OutboundContext context) implements OutboundState {
    }

    /** Negotiation is complete: stanzas for the peer are sent as they come (RFC 6120 §4.3.5). */
    record Ready(OutboundContext context) implements OutboundState {
    }

    /**
     * This server sent {@code </stream>} and waits for the peer's (RFC 6120 §4.4).
     *
     * @param reported whether the assembly was already told the stream ended
     */
    record Closing(OutboundContext context, boolean reported) implements OutboundState {
    }

    /** The stream is over; stanzas still delivered to it are answered with errors. */
    record Closed(OutboundContext context) implements OutboundState {
    }
}
