package dev.starling.conformance.presence;

import dev.starling.machine.presence.SubscriptionType;
import dev.starling.machine.roster.Roster;
import dev.starling.machine.roster.RosterCache;
import dev.starling.model.roster.RosterQuery;
import dev.starling.machine.roster.RosterChange;
import dev.starling.machine.roster.RosterLimits;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.ItemSubscription;
import dev.starling.model.roster.RosterItem;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two accounts' rosters over random sequences of subscription stanzas, roster sets and deletions
 * from both sides, with every stanza the servers send delivered at once (RFC 6121 §2, §3,
 * Appendix A):
 * <ul>
 *   <li>the two servers' views of the subscription never contradict each other, deletions
 *       included (§2.5.2);</li>
 *   <li>versions only grow, and every push comes with a new one (§2.6);</li>
 *   <li>a client ({@link RosterCache}) that cached the roster at any earlier version and applies the interim pushes
 *       (§2.6.3) ends with exactly the current roster.</li>
 * </ul>
 */
class RosterProperties {

    private static final Jid ALICE = Jid.of("alice@example.com");
    private static final Jid BOB = Jid.of("bob@example.net");

    /** One action of one side. */
    sealed interface Action permits Send, Set, Remove {
        boolean byAlice();
    }

    record Send(boolean byAlice, SubscriptionType type) implements Action {
    }

    record Set(boolean byAlice, String name) implements Action {
    }

    record Remove(boolean byAlice) implements Action {
    }

    @Property(tries = 1000)
    void rostersAgreeVersionsGrowAndInterimPushesRebuildTheRoster(@ForAll("actions") List<Action> actions) {
        Roster[] rosters = {Roster.empty(), Roster.empty()};
        Jid[] owners = {ALICE, BOB};
        List<List<Roster>> history = List.of(new ArrayList<>(List.of(rosters[0])), new ArrayList<>(List.of(rosters[1])));
        for (Action action : actions) {
            int me = action.byAlice() ? 0 : 1;
            int other = 1 - me;
            List<SubscriptionType> toOther = new ArrayList<>();
            Roster mine = rosters[me];
            RosterChange change;
            if (action instanceof Send send) {
                change = mine.outbound(owners[other], send.type(), true);
            } else if (action instanceof Set set) {
                change = mine.set(RosterItem.of(owners[other]).withName(Option.some(set.name())), owners[me], RosterLimits.defaults()).get();
            } else {
                change = mine.remove(owners[other]).getOrElse(() -> new RosterChange(mine, io.vavr.collection.Array.empty(), false,
                        Option.none(), io.vavr.collection.Array.empty()));
            }
            if (action instanceof Send send && change.forward()) {
                toOther.add(send.type());
            }
            toOther.addAll(change.toContact().asJava());
            record(history.get(me), rosters, me, change);
            for (SubscriptionType type : toOther) {
                RosterChange in = rosters[other].inbound(owners[me], type);
                record(history.get(other), rosters, other, in);
                in.autoReply().forEach(reply -> record(history.get(me), rosters, me, rosters[me].inbound(owners[other], reply)));
            }
            var alice = rosters[0].subscription(BOB).state();
            var bob = rosters[1].subscription(ALICE).state();
            assertThat(alice.to()).as("%s / %s after %s", alice.label(), bob.label(), action).isEqualTo(bob.from());
            assertThat(alice.from()).as("%s / %s after %s", alice.label(), bob.label(), action).isEqualTo(bob.to());
            assertThat(alice.pendingOut()).as("%s / %s after %s", alice.label(), bob.label(), action).isEqualTo(bob.pendingIn());
            assertThat(alice.pendingIn()).as("%s / %s after %s", alice.label(), bob.label(), action).isEqualTo(bob.pendingOut());
        }
        for (int side = 0; side < 2; side++) {
            Roster current = rosters[side];
            for (Roster cached : history.get(side)) {
                // the client's own machine: its cache from the earlier result, then the interim pushes with their versions
                RosterCache view = RosterCache.empty().onResult(Option.some(cached.result()));
                assertThat(view.request(true).ver()).contains(cached.ver());
                for (RosterItem push : current.changesSince(cached.ver()).get()) {
                    view = view.onPush(RosterQuery.of(push).withVer(Option.some(current.ver())));
                }
                assertThat(view.items().values().toSet()).as("cache at %s + interim pushes", cached.ver())
                        .isEqualTo(current.result().items().toSet());
                assertThat(view.ver()).contains(current.ver());
            }
        }
    }

    private static void record(List<Roster> history, Roster[] rosters, int side, RosterChange change) {
        Roster before = rosters[side];
        assertThat(change.roster().version()).as("versions only grow").isGreaterThanOrEqualTo(before.version());
        if (!change.pushes().isEmpty()) {
            assertThat(change.roster().version()).as("a push comes with a new version").isGreaterThan(before.version());
        }
        rosters[side] = change.roster();
        history.add(change.roster());
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Boolean> side = Arbitraries.of(true, false);
        Arbitrary<Action> send = net.jqwik.api.Combinators.combine(side, Arbitraries.of(SubscriptionType.class)).as(Send::new);
        Arbitrary<Action> set = net.jqwik.api.Combinators.combine(side, Arbitraries.of("A", "B", "C")).as(Set::new);
        Arbitrary<Action> remove = side.map(Remove::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, send), net.jqwik.api.Tuple.of(2, set), net.jqwik.api.Tuple.of(1, remove))
                .list().ofMaxSize(30);
    }
}
