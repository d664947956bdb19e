package dev.starling.model.roster;

import dev.starling.model.jid.Jid;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * One {@code <item/>} of a roster query, RFC 6121 §2.1.2.
 *
 * @param jid          the contact (§2.1.2.3)
 * @param name         the user's handle for the contact (§2.1.2.4)
 * @param subscription the 'subscription' attribute, absent when not written (§2.1.2.5: "none" by default)
 * @param ask          {@code ask='subscribe'}: a request of the user's awaits the contact's answer (§2.1.2.2)
 * @param approved     {@code approved='true'}: the user pre-approved the contact's request (§2.1.2.1, §3.4)
 * @param groups       the {@code <group/>} children in document order, as written (§2.1.2.6)
 */
public record RosterItem(Jid jid, Option<String> name, Option<ItemSubscription> subscription, boolean ask, boolean approved,
                         Seq<String> groups) {

    public RosterItem {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(groups, "groups");
    }

    /** An item for {@code jid} with nothing else set. */
    public static RosterItem of(Jid jid) {
        return new RosterItem(jid, Option.none(), Option.none(), false, false, Array.empty());
    }

    /** The subscription, "none" when the attribute is absent. */
    public ItemSubscription effectiveSubscription() {
        return subscription.getOrElse(ItemSubscription.NONE);
    }

    public RosterItem withName(Option<String> newName) {
        return new RosterItem(jid, newName, subscription, ask, approved, groups);
    }

    public RosterItem withSubscription(ItemSubscription newSubscription) {
        return new RosterItem(jid, name, Option.some(newSubscription), ask, approved, groups);
    }

    public RosterItem withAsk(boolean newAsk) {
        return new RosterItem(jid, name, subscription, newAsk, approved, groups);
    }

    public RosterItem withApproved(boolean newApproved) {
        return new RosterItem(jid, name, subscription, ask, newApproved, groups);
    }

    public RosterItem withGroups(Seq<String> newGroups) {
        return new RosterItem(jid, name, subscription, ask, approved, newGroups);
    }
}
