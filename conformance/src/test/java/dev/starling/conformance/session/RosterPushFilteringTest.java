package dev.starling.conformance.session;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stream.client.ClientSession;
import dev.starling.machine.stream.client.ClientState;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.RosterItem;
import dev.starling.model.roster.RosterQuery;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6121 §2.1.6 on the client: a roster push is the account's own server's only when it has no
 * 'from' or its 'from' is the user's bare JID. Such a push is acknowledged with a result and handed
 * to the application; any other (from a contact, another server, the user's own full JID or
 * domain) never reaches the application's roster and is answered with an error instead of a
 * result, so a forged push cannot change what the user sees.
 */
class RosterPushFilteringTest {

    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(96));
    private static final RosterQuery PUSH = new RosterQuery(Option.none(), Array.of(RosterItem.of(Jid.of("tybalt@example.org"))));

    @Test
    void aPushWithoutFromOrFromTheBareJidIsAcknowledgedAndHandedOn() {
        for (Option<Jid> from : Array.of(Option.<Jid>none(), Option.some(NegotiationTest.JULIET.bare()))) {
            Step<ClientState, SessionOutput> step = receive(push(from));
            assertThat(sent(step)).singleElement().satisfies(reply -> {
                assertThat(reply.type()).isEqualTo(IqType.RESULT);
                assertThat(reply.iqId()).isEqualTo("push1");
            });
            assertThat(handedOn(step)).as("from " + from).hasSize(1);
        }
    }

    @Property(tries = 200)
    void aPushFromAnyoneElseNeverReachesTheApplication(@ForAll("strangers") Jid from) {
        Step<ClientState, SessionOutput> step = receive(push(Option.some(from)));
        assertThat(handedOn(step)).isEmpty();
        assertThat(sent(step)).singleElement().satisfies(reply -> {
            assertThat(reply.type()).isEqualTo(IqType.ERROR);
            assertThat(reply.error().map(e -> e.condition())).contains(StanzaErrorCondition.SERVICE_UNAVAILABLE);
            assertThat(reply.to()).contains(from);
        });
    }

    @Provide
    Arbitrary<Jid> strangers() {
        Arbitrary<String> local = Arbitraries.of("romeo", "juliet", "tybalt", "nurse");
        Arbitrary<String> domain = Arbitraries.of("im.example.com", "example.org", "evil.example");
        Arbitrary<Jid> bare = net.jqwik.api.Combinators.combine(local, domain).as((l, d) -> Jid.of(l + "@" + d));
        Arbitrary<Jid> full = bare.map(j -> j.withResource("balcony").get());
        return Arbitraries.oneOf(bare, full, domain.map(Jid::of)).filter(j -> !j.equals(NegotiationTest.JULIET.bare()));
    }

    private static Iq push(Option<Jid> from) {
        return new Iq(IqType.SET, "push1", from, Option.some(NegotiationTest.JULIET), Option.none(), Array.of(PUSH));
    }

    private static Step<ClientState, SessionOutput> receive(Iq push) {
        ClientState ready = NegotiationTest.pair(NegotiationTest.client("r0m30myr0m30"), NegotiationTest.server(TlsPolicy.REQUIRED, false)).clientState();
        assertThat(ready).isInstanceOf(ClientState.Ready.class);
        return ClientSession.step(ready, new SessionInput.Received(push), FRESH);
    }

    private static Seq<Iq> sent(Step<ClientState, SessionOutput> step) {
        return step.outputs().filter(o -> o instanceof SessionOutput.Send send && send.element() instanceof Iq).map(o -> (Iq) ((SessionOutput.Send) o).element());
    }

    private static Seq<SessionEvent> handedOn(Step<ClientState, SessionOutput> step) {
        return step.outputs().filter(SessionOutput.Notify.class::isInstance).map(o -> ((SessionOutput.Notify) o).event())
                .filter(e -> e instanceof SessionEvent.StanzaReceived received && received.stanza() instanceof Iq);
    }
}
