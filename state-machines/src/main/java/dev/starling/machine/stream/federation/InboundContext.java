package dev.starling.machine.stream.federation;

import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import dev.starling.model.jid.Jid;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * What the receiving server has learnt about a stream from a peer server so far.
 *
 * @param config                this server's federation settings
 * @param tls                   whether TLS is established
 * @param certificateIdentities the DNS names and XmppAddr domains of the peer's validated certificate
 * @param claimed               the domain the peer's current header claims in 'from' (RFC 6120 §4.7.1)
 * @param authenticated         the peer's domain, once SASL EXTERNAL succeeded (§6.4.6)
 * @param headerSent            whether the response header of the current stream was sent
 */
public record InboundContext(FederationConfig config, boolean tls, Seq<String> certificateIdentities, Option<Jid> claimed,
                             Option<Jid> authenticated, boolean headerSent) {

    public InboundContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(certificateIdentities, "certificateIdentities");
        Objects.requireNonNull(claimed, "claimed");
        Objects.requireNonNull(authenticated, "authenticated");
    }

    static InboundContext start(FederationConfig config) {
        return new InboundContext(config, false, Array.empty(), Option.none(), Option.none(), false);
    }

    InboundContext secured(Seq<String> identities) {
        return new InboundContext(config, true, identities, Option.none(), authenticated, false);
    }

    InboundContext opened(Option<Jid> from) {
        return new InboundContext(config, tls, certificateIdentities, from, authenticated, true);
    }

    InboundContext authenticatedAs(Jid peer) {
        return new InboundContext(config, tls, certificateIdentities, claimed, Option.some(peer), false);
    }
}
