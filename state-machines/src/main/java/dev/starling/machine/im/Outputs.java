package dev.starling.machine.im;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.presence.Subscription;
import dev.starling.machine.presence.SubscriptionType;
import dev.starling.machine.roster.RosterChange;
import dev.starling.machine.roster.RosterRequests;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.RosterItem;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/** The outputs the account entity's flows share: applying a roster change, pushes, and stanzas on the account's behalf. */
final class Outputs {

    private Outputs() {
    }

    /**
     * The state after a roster change and, in order: the roster to store, {@code first}, the
     * subscription stanzas for the contact, the presence the change makes due (RFC 6121 §3.1.5:
     * a new subscriber gets each available resource's presence; §3.2.2, §3.3.3: a subscriber that
     * lost its subscription gets unavailable presence), and the pushes to every interested resource.
     */
    static io.vavr.Tuple2<AccountState, Seq<AccountOutput>> applied(AccountState state, RosterChange change, Option<Jid> contact,
                                                                     Fresh fresh, Seq<AccountOutput> first) {
        AccountState after = state.withRoster(change.roster());
        Seq<AccountOutput> pushes = change.pushes().zipWithIndex().flatMap(item -> after.interested().toArray()
                .map(resource -> push(after, resource, item._1, change, fresh, item._2)));
        Option<Jid> told = change.toContact().isEmpty() ? Option.none() : Option.some(change.pushes().head().jid());
        Seq<AccountOutput> toContact = told.map(jid -> change.toContact()
                .map(t -> (AccountOutput) new AccountOutput.ToContact(subscription(t, state.account(), jid)))).getOrElse(Array.empty());
        Seq<AccountOutput> presence = contact.orElse(told).map(jid -> presenceDue(state, jid, state.roster().subscription(jid),
                change.roster().subscription(jid))).getOrElse(Array.empty());
        Seq<AccountOutput> stored = change.roster().equals(state.roster()) ? Array.empty()
                : Array.of(new AccountOutput.StoreRoster(change.roster()));
        return io.vavr.Tuple.of(after, stored.appendAll(first).appendAll(toContact).appendAll(presence).appendAll(pushes));
    }

    private static Seq<AccountOutput> presenceDue(AccountState state, Jid contact, Subscription before, Subscription after) {
        if (!before.state().from() && after.state().from()) {
            return state.available().toArray().map(r -> (AccountOutput) new AccountOutput.ToContact(
                    r._2.withFrom(Option.some(state.full(r._1))).withTo(Option.some(contact))));
        }
        if (before.state().from() && !after.state().from()) {
            return state.available().keySet().toArray().map(r -> (AccountOutput) new AccountOutput.ToContact(
                    Presence.of(PresenceType.UNAVAILABLE).withFrom(Option.some(state.full(r))).withTo(Option.some(contact))));
        }
        return Array.empty();
    }

    static AccountOutput push(AccountState state, String resource, RosterItem item, RosterChange change, Fresh fresh, int index) {
        return new AccountOutput.ToResource(resource, RosterRequests.push(item, change.roster().ver(), state.full(resource),
                "push-" + fresh.token(0, 12) + "-" + index));
    }

    static Presence subscription(SubscriptionType type, Jid from, Jid to) {
        return Presence.of(type.presenceType()).withFrom(Option.some(from)).withTo(Option.some(to));
    }
}
