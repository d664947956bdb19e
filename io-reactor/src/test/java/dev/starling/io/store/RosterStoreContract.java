package dev.starling.io.store;

import dev.starling.machine.presence.SubscriptionType;
import dev.starling.machine.roster.Roster;
import dev.starling.machine.roster.RosterLimits;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.RosterItem;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RosterStore} must do, run against each implementation: a saved roster comes
 * back whole (items in order, names, groups in order, subscription states with pre-approvals,
 * pending requests of contacts not in the roster, versioning tombstones), a save replaces the
 * previous roster, and an account without one gets an empty roster.
 */
abstract class RosterStoreContract {

    static final Jid USER = Jid.of("juliet@example.com");
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** The store under test, with the account {@code juliet} created. */
    abstract RosterStore store();

    /** A roster with every kind of state the store must keep. */
    static Roster sample() {
        RosterLimits limits = RosterLimits.defaults();
        Roster roster = Roster.empty();
        roster = roster.set(RosterItem.of(Jid.of("romeo@example.net")).withName(Option.some("Romeo"))
                .withGroups(Array.of("Friends", "Lovers")), USER, limits).get().roster();
        roster = roster.outbound(Jid.of("romeo@example.net"), SubscriptionType.SUBSCRIBE, true).roster();
        roster = roster.inbound(Jid.of("romeo@example.net"), SubscriptionType.SUBSCRIBED).roster();
        roster = roster.outbound(Jid.of("nurse@example.com"), SubscriptionType.SUBSCRIBED, true).roster(); // a pre-approval
        roster = roster.inbound(Jid.of("paris@example.net"), SubscriptionType.SUBSCRIBE).roster();        // asked, not listed
        roster = roster.set(RosterItem.of(Jid.of("tybalt@example.org")), USER, limits).get().roster();
        return roster.remove(Jid.of("tybalt@example.org")).get().roster();                                // a tombstone
    }

    @Test
    void aSavedRosterComesBackWhole() {
        Roster saved = sample();
        store().save("juliet", saved).block(WAIT);

        Roster loaded = store().load("juliet").block(WAIT);
        assertThat(loaded).isEqualTo(saved);
        assertThat(loaded.entries().keySet().toList()).as("items in order").isEqualTo(saved.entries().keySet().toList());
        assertThat(loaded.result()).isEqualTo(saved.result());
        assertThat(loaded.subscription(Jid.of("paris@example.net")).state().pendingIn()).isTrue();
        assertThat(loaded.changesSince("ver0")).isEqualTo(saved.changesSince("ver0"));
    }

    @Test
    void aSaveReplacesThePreviousRoster() {
        store().save("juliet", sample()).block(WAIT);
        Roster smaller = Roster.empty().set(RosterItem.of(Jid.of("benvolio@example.net")), USER, RosterLimits.defaults()).get().roster();
        store().save("juliet", smaller).block(WAIT);

        assertThat(store().load("juliet").block(WAIT)).isEqualTo(smaller);
    }

    @Test
    void anAccountWithoutARosterHasAnEmptyOne() {
        assertThat(store().load("juliet").block(WAIT)).isEqualTo(Roster.empty());
    }
}
