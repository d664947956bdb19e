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
     * A resource sent available presence (RFC 6121 §4.2): it now receives subscription requests,
     * including those that waited while the account had no available resource (§3.1.3).
     */
    record ResourceAvailable(String resource) implements AccountInput {
    }

    /** A resource's session ended or it sent unavailable presence (RFC 6121 §4.5). */
    record ResourceGone(String resource) implements AccountInput {
    }
}
