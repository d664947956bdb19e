package dev.starling.machine.session;

import dev.starling.machine.account.AccountOperation;
import dev.starling.model.jid.Jid;
import dev.starling.model.sasl.SaslFailureCondition;
import dev.starling.model.stanza.Stanza;

/** What a session tells the application (client) or the server assembly: facts, not requests. */
public sealed interface SessionEvent {

    /**
     * TLS is established on the stream (RFC 6120 §5.4.3.3).
     *
     * @param channelBindingTypes the channel binding types available for SASL -PLUS
     */
    record TlsSecured(io.vavr.collection.Seq<String> channelBindingTypes) implements SessionEvent {
    }

    /**
     * The peer offered these stream features (RFC 6120 §4.3.2), before the session chose one.
     *
     * @param features the features
     */
    record FeaturesOffered(dev.starling.model.stream.StreamFeatures features) implements SessionEvent {
    }

    /**
     * SASL succeeded (RFC 6120 §6.4.6).
     *
     * @param mechanism the mechanism used
     * @param username  the authenticated username
     */
    record Authenticated(String mechanism, String username) implements SessionEvent {
    }

    /**
     * SASL failed (RFC 6120 §6.4.5); the session may retry or end.
     *
     * @param mechanism the mechanism tried
     * @param condition the failure condition
     * @param text      the descriptive text, possibly empty
     */
    record AuthenticationFailed(String mechanism, SaslFailureCondition condition, String text) implements SessionEvent {
    }

    /**
     * Negotiation is complete: the resource is bound (RFC 6120 §7) and stanzas may flow.
     *
     * @param jid the full JID of the session
     */
    record Ready(Jid jid) implements SessionEvent {
    }

    /**
     * A server-to-server stream is negotiated (RFC 6120 §9.2): stanzas may flow from the
     * initiating server to the receiving one.
     *
     * @param peer the other server's authenticated domain
     */
    record FederationReady(Jid peer) implements SessionEvent {
    }

    /**
     * A stanza arrived that is for the application.
     *
     * @param stanza the stanza, with its {@code from} as the peer gave it (client) or stamped (server)
     */
    record StanzaReceived(Stanza stanza) implements SessionEvent {
    }

    /**
     * An IQ request got no response in time (RFC 6120 §8.2.3 requires one); the application
     * treats it as failed.
     *
     * @param id the request's id
     */
    record IqTimedOut(String id) implements SessionEvent {
    }

    /**
     * An account change took effect (XEP-0077): the server registered, re-keyed or removed an
     * account; the client's registration succeeded.
     *
     * @param operation what changed (passwords are not printed)
     */
    record AccountChanged(AccountOperation operation) implements SessionEvent {
    }

    /**
     * The client could not register its account (XEP-0077 §3.1); the session then ends.
     *
     * @param reason the host's error or what the client could not fill
     */
    record RegistrationFailed(String reason) implements SessionEvent {
    }

    /**
     * The session ended; nothing more will happen.
     *
     * @param reason why
     */
    record Ended(CloseReason reason) implements SessionEvent {
    }
}
