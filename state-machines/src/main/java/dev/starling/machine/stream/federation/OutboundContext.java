package dev.starling.machine.stream.federation;

import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Stanza;
import io.vavr.collection.Queue;

import java.util.Objects;

/**
 * What the initiating server knows about its stream to a peer server so far (RFC 6120 §5.4.3
 * TLS negotiation, §6.4 SASL with EXTERNAL, §4.3.3 stream restarts).
 *
 * @param config        this server's federation settings
 * @param peer          the domain this stream goes to
 * @param tls           whether TLS is established
 * @param authenticated whether SASL EXTERNAL succeeded
 * @param queued        stanzas for the peer that wait for negotiation to finish, oldest first
 */
public record OutboundContext(FederationConfig config, Jid peer, boolean tls, boolean authenticated, Queue<Stanza> queued) {

    public OutboundContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(queued, "queued");
    }

    static OutboundContext start(FederationConfig config, Jid peer) {
        return new OutboundContext(config, peer, false, false, Queue.empty());
    }

    OutboundContext secured() {
        return new OutboundContext(config, peer, true, authenticated, queued);
    }

    OutboundContext authenticatedNow() {
        return new OutboundContext(config, peer, tls, true, queued);
    }

    OutboundContext withQueued(Queue<Stanza> stanzas) {
        return new OutboundContext(config, peer, tls, authenticated, stanzas);
    }
}
