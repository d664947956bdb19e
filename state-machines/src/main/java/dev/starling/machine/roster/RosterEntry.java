package dev.starling.machine.roster;

import dev.starling.machine.presence.Subscription;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.ItemSubscription;
import dev.starling.model.roster.RosterItem;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * One contact in the roster.
 *
 * @param contact      the contact's JID (normally bare)
 * @param name         the user's handle for the contact
 * @param groups       the groups, in the user's order
 * @param subscription the subscription state and pre-approval towards the contact
 * @param modified     the roster version at which the entry last changed (§2.6)
 */
public record RosterEntry(Jid contact, Option<String> name, Seq<String> groups, Subscription subscription, long modified) {

    public RosterEntry {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(subscription, "subscription");
    }

    /** The item as results and pushes show it: subscription, ask and approved from the state (RFC 6121 §2.1.2). */
    public RosterItem item() {
        return new RosterItem(contact, name, ItemSubscription.ofWireName(subscription.state().rosterSubscription()),
                subscription.state().pendingOut(), subscription.approved(), groups);
    }

    RosterEntry with(Subscription newSubscription, long version) {
        return new RosterEntry(contact, name, groups, newSubscription, version);
    }

    RosterEntry with(Option<String> newName, Seq<String> newGroups, long version) {
        return new RosterEntry(contact, newName, newGroups, subscription, version);
    }
}
