package dev.starling.machine.stream.federation;

import dev.starling.model.jid.Jid;

/**
 * The states of a stream from a peer server, on the receiving server, each named for what it
 * expects next (RFC 6120 §4 to §6, the Server2 half of the §9.2 walkthrough).
 */
public sealed interface InboundState {

    /** The context so far. */
    InboundContext context();

    /** Before the TCP connection is accepted. */
    record AwaitConnection(InboundContext context) implements InboundState {
    }

    /** TLS is being negotiated: direct TLS (XEP-0368) or after {@code <proceed/>} (RFC 6120 §5.4.3.3). */
    record ExpectTlsHandshake(InboundContext context) implements InboundState {
    }

    /** Waiting for the initiating server's stream header (RFC 6120 §4.2). */
    record ExpectStreamHeader(InboundContext context) implements InboundState {
    }

    /** STARTTLS was offered as mandatory-to-negotiate; {@code <starttls/>} comes next (RFC 6120 §5.4.2.1). */
    record ExpectStartTls(InboundContext context) implements InboundState {
    }

    /** SASL EXTERNAL was offered; {@code <auth/>} comes next (RFC 6120 §6.4.2, XEP-0178 §4 step 10). */
    record ExpectAuth(InboundContext context) implements InboundState {
    }

    /** EXTERNAL came without an initial response and got an empty challenge; the response comes next (RFC 6120 §6.4.2). */
    record ExpectSaslResponse(InboundContext context) implements InboundState {
    }

    /**
     * Negotiation is complete; the peer sends stanzas (RFC 6120 §4.3.5).
     *
     * @param peer the authenticated domain of the peer
     */
    record Ready(InboundContext context, Jid peer) implements InboundState {
    }

    /**
     * This server sent {@code </stream>} and waits for the peer's (RFC 6120 §4.4).
     *
     * @param reported whether the assembly was already told the stream ended
     */
    record Closing(InboundContext context, boolean reported) implements InboundState {
    }

    /** The stream is over; every input is ignored. */
    record Closed(InboundContext context) implements InboundState {
    }
}
