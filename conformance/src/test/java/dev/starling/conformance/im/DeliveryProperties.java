package dev.starling.conformance.im;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.im.AccountEntity;
import dev.starling.machine.im.AccountInput;
import dev.starling.machine.im.AccountLimits;
import dev.starling.machine.im.AccountOutput;
import dev.starling.machine.im.AccountState;
import dev.starling.machine.roster.Roster;
import dev.starling.machine.roster.RosterLimits;
import dev.starling.model.delay.Delay;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Body;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.MessageType;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import dev.starling.model.stanza.Priority;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat messages to an account's bare JID while its resources come and go with random priorities
 * (RFC 6121 §8.5, XEP-0160): no message is lost and none reaches the same resource twice. Each
 * one is delivered at once to an available non-negative resource, or stored and delivered, with
 * its delay stamp, to the next resource that becomes available with a non-negative priority; a
 * message beyond the offline quota is refused with an error, never dropped silently.
 */
class DeliveryProperties {

    private static final Jid USER = Jid.of("juliet@example.com");
    private static final List<String> RESOURCES = List.of("balcony", "chamber", "garden");

    /** One event: a resource becomes available with a priority, leaves, or a message arrives. */
    record Event(int kind, int resource, int priority) {
    }

    @Property(tries = 1000)
    void noMessageIsLostOrDeliveredTwice(@ForAll("events") List<Event> events, @ForAll("quota") int quota) {
        AccountState state = AccountState.of(USER, Roster.empty());
        AccountLimits limits = new AccountLimits(RosterLimits.defaults(), quota, 65536, 1000);
        Map<String, Message> stored = new HashMap<>();
        Map<String, Set<String>> received = new HashMap<>();
        Set<String> refused = new HashSet<>();
        List<String> sent = new ArrayList<>();
        List<Event> all = new ArrayList<>(events);
        all.add(new Event(0, 0, 0)); // in the end a resource comes online with priority 0 and collects the rest
        int step = 0;
        for (Event event : all) {
            String resource = RESOURCES.get(event.resource());
            AccountInput input;
            if (event.kind() == 0) {
                input = new AccountInput.OutboundPresence(Presence.available().withChild(new Priority(event.priority()))
                        .withFrom(Option.some(USER.withResource(resource).get())));
            } else if (event.kind() == 1) {
                input = event.priority() % 2 == 0 ? new AccountInput.ResourceGone(resource)
                        : new AccountInput.OutboundPresence(Presence.of(PresenceType.UNAVAILABLE).withFrom(Option.some(USER.withResource(resource).get())));
            } else {
                String id = "m" + sent.size();
                sent.add(id);
                input = new AccountInput.InboundMessage(new Message(Option.some(MessageType.CHAT), Option.some(id),
                        Option.some(Jid.of("romeo@example.net/orchard")), Option.some(USER), Option.none(), Array.of(Body.of("hi"))));
            }
            Step<AccountState, AccountOutput> next = AccountEntity.step(state, input, limits,
                    new Fresh(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(step++), String.format("%096d", step)));
            for (AccountOutput output : next.outputs()) {
                if (output instanceof AccountOutput.ToResource to && to.stanza() instanceof Message message) {
                    assertThat(received.computeIfAbsent(to.resource(), r -> new HashSet<>()).add(message.id().get()))
                            .as("%s reached %s twice", message.id().get(), to.resource()).isTrue();
                } else if (output instanceof AccountOutput.StoreOffline store) {
                    assertThat(store.stored().message().firstChild(Delay.class)).as("stored with a delay stamp (XEP-0203)").isNotEmpty();
                    assertThat(stored.put(store.stored().node(), store.stored().message())).as("a node names one message").isNull();
                } else if (output instanceof AccountOutput.ForgetOffline forget) {
                    for (String node : forget.nodes()) {
                        Message message = stored.remove(node);
                        assertThat(received.values().stream().anyMatch(ids -> ids.contains(message.id().get())))
                                .as("%s forgotten only after it was handed over", message.id().get()).isTrue();
                    }
                } else if (output instanceof AccountOutput.ToContact error && error.stanza() instanceof Message bounced) {
                    assertThat(bounced.effectiveType()).isEqualTo(MessageType.ERROR);
                    refused.add(bounced.id().get());
                }
            }
            state = next.state();
        }
        Set<String> delivered = new HashSet<>();
        received.values().forEach(delivered::addAll);
        for (String id : sent) {
            assertThat(delivered.contains(id) || refused.contains(id)).as("%s was delivered or refused", id).isTrue();
            assertThat(delivered.contains(id) && refused.contains(id)).as("%s both delivered and refused", id).isFalse();
        }
        assertThat(stored).as("nothing left behind").isEmpty();
    }

    @Provide
    Arbitrary<List<Event>> events() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(-2, 5)).as(Event::new).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<Integer> quota() {
        return Arbitraries.integers().between(0, 5);
    }
}
