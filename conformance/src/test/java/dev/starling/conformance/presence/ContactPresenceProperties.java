package dev.starling.conformance.presence;

import dev.starling.machine.presence.ContactPresence;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import dev.starling.model.stanza.Priority;
import dev.starling.model.stanza.Status;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's view of its contacts' presence ({@link ContactPresence}, RFC 6121 §4) over random
 * sequences of the presence a client receives, against an independent model: for each full JID,
 * the last available presence unless an unavailable from it, or an unavailable or error from
 * its bare JID, came later. The best resource is the highest non-negative priority, the latest
 * among equals (§4.7.2.3). A change is reported exactly when the view changed.
 */
class ContactPresenceProperties {

    private static final List<Jid> CONTACTS = List.of(Jid.of("juliet@example.com"), Jid.of("nurse@example.com"));
    private static final List<String> RESOURCES = List.of("balcony", "chamber", "garden");

    @Property(tries = 500)
    void theViewIsTheLastWordOfEachResource(@ForAll("sequences") List<Presence> received) {
        ContactPresence view = ContactPresence.empty();
        Map<Jid, Presence> model = new HashMap<>();
        Map<Jid, Integer> updatedAt = new HashMap<>();
        for (int step = 0; step < received.size(); step++) {
            Presence presence = received.get(step);
            Map<Jid, Presence> before = new HashMap<>(model);
            apply(model, updatedAt, presence, step);
            var next = view.receive(presence);
            assertThat(next._2.isDefined()).as("a change is reported iff the view changed, on %s", presence).isEqualTo(!before.equals(model));
            view = next._1;
        }
        for (Jid contact : CONTACTS) {
            Map<Jid, Presence> expected = new HashMap<>();
            model.forEach((full, presence) -> {
                if (full.bare().equals(contact)) {
                    expected.put(full, presence);
                }
            });
            assertThat(view.resources(contact)).containsExactlyInAnyOrderElementsOf(expected.values());
            assertThat(view.isOnline(contact)).isEqualTo(!expected.isEmpty());
            Option<Presence> best = Option.none();
            int bestAt = -1;
            for (var entry : expected.entrySet()) {
                int priority = entry.getValue().priority();
                int at = updatedAt.get(entry.getKey());
                if (priority >= 0 && (best.isEmpty() || priority > best.get().priority() || priority == best.get().priority() && at > bestAt)) {
                    best = Option.some(entry.getValue());
                    bestAt = at;
                }
            }
            assertThat(view.best(contact)).isEqualTo(best);
        }
    }

    private static void apply(Map<Jid, Presence> model, Map<Jid, Integer> updatedAt, Presence presence, int step) {
        Jid from = presence.from().get();
        if (presence.isAvailable() && from.resource().isDefined()) {
            model.put(from, presence);
            updatedAt.put(from, step);
        } else if (presence.type().contains(PresenceType.UNAVAILABLE) && from.resource().isDefined()) {
            model.remove(from);
        } else if (presence.type().contains(PresenceType.UNAVAILABLE) || presence.type().contains(PresenceType.ERROR)) {
            model.keySet().removeIf(full -> full.bare().equals(from.bare()));
        }
    }

    @Example
    void aProbeAnsweredFromTheBareJidTakesEveryResourceOffline() {
        Jid balcony = Jid.of("juliet@example.com/balcony");
        ContactPresence view = ContactPresence.empty().receive(Presence.available().withFrom(Option.some(balcony))
                .withChild(new Priority(1)))._1;
        assertThat(view.best(balcony.bare()).flatMap(Presence::from)).contains(balcony);

        var answer = view.receive(Presence.of(PresenceType.UNAVAILABLE).withFrom(Option.some(balcony.bare()))); // §4.3.2
        assertThat(answer._1.isOnline(balcony.bare())).isFalse();
        assertThat(answer._2.map(ContactPresence.Change::from)).contains(balcony.bare());
        assertThat(answer._2.flatMap(change -> change.presence().type())).contains(PresenceType.UNAVAILABLE);
    }

    @Provide
    Arbitrary<List<Presence>> sequences() {
        Arbitrary<Jid> contact = Arbitraries.of(CONTACTS);
        Arbitrary<Jid> full = Combinators.combine(contact, Arbitraries.of(RESOURCES))
                .as((bare, resource) -> Jid.of(bare + "/" + resource));
        Arbitrary<Presence> available = Combinators.combine(full, Arbitraries.integers().between(-2, 3), Arbitraries.of("", "away", "busy"))
                .as((from, priority, status) -> {
                    Presence presence = Presence.available().withFrom(Option.some(from)).withChild(new Priority(priority));
                    return status.isEmpty() ? presence : presence.withChild(Status.of(status));
                });
        Arbitrary<Presence> unavailableResource = full.map(from -> Presence.of(PresenceType.UNAVAILABLE).withFrom(Option.some(from)));
        Arbitrary<Presence> unavailableContact = contact.map(from -> Presence.of(PresenceType.UNAVAILABLE).withFrom(Option.some(from)));
        Arbitrary<Presence> error = Arbitraries.oneOf(contact, full).map(from -> Presence.of(PresenceType.ERROR).withFrom(Option.some(from)));
        Arbitrary<Presence> subscription = Combinators.combine(Arbitraries.oneOf(contact, full),
                        Arbitraries.of(PresenceType.SUBSCRIBE, PresenceType.SUBSCRIBED, PresenceType.UNSUBSCRIBE, PresenceType.UNSUBSCRIBED))
                .as((from, type) -> Presence.of(type).withFrom(Option.some(from)));
        Arbitrary<Presence> any = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, available), net.jqwik.api.Tuple.of(3, unavailableResource), net.jqwik.api.Tuple.of(1, unavailableContact),
                net.jqwik.api.Tuple.of(1, error), net.jqwik.api.Tuple.of(1, subscription));
        return any.list().ofMaxSize(40).map(ArrayList::new);
    }
}
