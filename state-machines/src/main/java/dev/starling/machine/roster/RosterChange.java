package dev.starling.machine.roster;

import dev.starling.machine.presence.SubscriptionType;
import dev.starling.model.roster.RosterItem;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * What one roster request or subscription stanza does to the roster.
 *
 * @param roster    the roster afterwards
 * @param pushes    the items to push to every interested resource, in order (RFC 6121 §2.1.6), each
 *                  under the version {@link Roster#ver()} of {@code roster}
 * @param forward   for a subscription stanza: whether it is routed to the contact (outbound) or
 *                  delivered to the user (inbound), per Appendix A
 * @param autoReply for an inbound subscription stanza: the answer the server sends the contact on the user's behalf
 * @param toContact subscription stanzas the server sends the contact on the user's behalf, in order
 *                  (RFC 6121 §2.5.2 when an item is deleted)
 */
public record RosterChange(Roster roster, Seq<RosterItem> pushes, boolean forward, Option<SubscriptionType> autoReply,
                           Seq<SubscriptionType> toContact) {

    public RosterChange {
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(pushes, "pushes");
        Objects.requireNonNull(autoReply, "autoReply");
        Objects.requireNonNull(toContact, "toContact");
    }

    static RosterChange pushing(Roster roster, Seq<RosterItem> pushes) {
        return new RosterChange(roster, pushes, false, Option.none(), Array.empty());
    }
}
