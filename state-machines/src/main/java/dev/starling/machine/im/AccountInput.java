package dev.starling.machine.im;

import dev.starling.model.roster.RosterQuery;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Presence;

/** What an account entity reacts to, in the order the router hands it over. */
public sealed interface AccountInput {

    /**
     * A roster get or set from one of the account's resources (RFC 6121 §2).
     *
     * @param resource the requesting resource
     * @param request  the request, 'from' stamped
     * @param query    its roster query
     */
    record RosterRequest(String resource, Iq request, RosterQuery query) implements AccountInput {
    }

    /**
     * A subscription stanza one of the account's resources sends to a contact (RFC 6121 §3, Appendix A.2).
     *
     * @param presence the stanza, 'from' stamped with the resource's full JID
     */
    record OutboundSubscription(Presence presence) implements AccountInput {
    }

    /**
     * A subscription stanza from a contact to the account (RFC 6121 §3, Appendix A.3).
     *
     * @param presence the stanza, 'from' the contact
     */
    record InboundSubscription(Presence presence) implements AccountInput {
    }

    /**
     * Presence one of the account's resources sends: broadcast without 'to' (available, an
     * update or unavailable, RFC 6121 §4.2, §4.4, §4.5) or directed with one (§4.6).
     *
     * @param presence the stanza, 'from' stamped with the resource's full JID
     */
    record OutboundPresence(Presence presence) implements AccountInput {
    }

    /**
     * Presence that arrives for the account: a contact's availability, or a probe (RFC 6121 §4.3.2, §4.4.3).
     *
     * @param presence the stanza, 'to' the account's bare JID or one of its full JIDs
     */
    record InboundPresence(Presence presence) implements AccountInput {
    }

    /**
     * A message for the account, to its bare JID or one of its full JIDs (RFC 6121 §8.5).
     *
     * @param message the message, 'from' its sender
     */
    record InboundMessage(dev.starling.model.stanza.Message message) implements AccountInput {
    }

    /**
     * A XEP-0191 request from one of the account's resources: get the blocklist, block, or unblock.
     *
     * @param resource the requesting resource
     * @param request  the request, 'from' stamped
     * @param command  its payload
     */
    record BlockingRequest(String resource, dev.starling.model.stanza.Iq request, dev.starling.model.blocking.BlockingCommand command)
            implements AccountInput {
    }

    /**
     * A request for what the server keeps for the account, from one of its resources: its vCard
     * or its private storage (XEP-0054, XEP-0049).
     *
     * @param resource the requesting resource
     * @param request  the request, 'from' stamped
     */
    record StorageRequest(String resource, dev.starling.model.stanza.Iq request) implements AccountInput {
    }

    /**
     * A XEP-0016 privacy list request from one of the account's resources.
     *
     * @param resource the requesting resource
     * @param request  the request, 'from' stamped
     * @param query    its payload
     */
    record PrivacyRequest(String resource, dev.starling.model.stanza.Iq request, dev.starling.model.privacy.PrivacyQuery query)
            implements AccountInput {
    }

    /**
     * A XEP-0013 request from one of the account's resources: disco on the offline node, or an
     * {@code <offline/>} command.
     *
     * @param resource the requesting resource
     * @param request  the request, 'from' stamped
     */
    record OfflineRequest(String resource, dev.starling.model.stanza.Iq request) implements AccountInput {
    }

    /**
     * A message or IQ one of the account's resources sends to another entity: refused if the
     * addressee is blocked (XEP-0191 §3.3), routed otherwise.
     *
     * @param stanza the stanza, 'from' stamped with the resource's full JID
     */
    record OutboundStanza(dev.starling.model.stanza.Stanza stanza) implements AccountInput {
    }

    /**
     * An IQ for the account from another entity (RFC 6121 §8.5.2.1.3, §8.5.3).
     *
     * @param iq the IQ, 'to' the account's bare JID or one of its full JIDs
     */
    record InboundIq(dev.starling.model.stanza.Iq iq) implements AccountInput {
    }

    /** A session bound this resource: it is connected, not yet available (RFC 6120 §7, RFC 6121 §1.4). */
    record ResourceBound(String resource) implements AccountInput {
    }

    /** A resource's session ended; if it was available, it becomes unavailable as if it had said so (RFC 6121 §4.5.2). */
    record ResourceGone(String resource) implements AccountInput {
    }
}
