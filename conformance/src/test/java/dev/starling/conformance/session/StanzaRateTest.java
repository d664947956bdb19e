package dev.starling.conformance.session;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stream.server.RateLimit;
import dev.starling.machine.stream.server.ServerSession;
import dev.starling.machine.stream.server.ServerState;
import dev.starling.machine.stream.server.StanzaLimits;
import dev.starling.model.jid.Jid;
import dev.starling.model.ping.Ping;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.MessageType;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.StanzaErrorType;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client session's stanza rates (XEP-0205 §3): within the burst everything is routed; beyond it
 * the stanza is refused with XEP-0205's error ({@code unexpected-request}, type {@code wait},
 * {@code <too-many-stanzas/>}) and nothing else happens; time refills the bucket; presence has a
 * limit of its own; IQ responses are not counted and errors over the limit are dropped. A jqwik
 * property checks the token-bucket bound over random arrival times.
 */
class StanzaRateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Jid ROMEO = Jid.of("romeo@example.net");

    private static ServerState.Ready ready(StanzaLimits limits) {
        SessionPair pair = NegotiationTest.pair(NegotiationTest.client("r0m30myr0m30"),
                NegotiationTest.server(TlsPolicy.REQUIRED, false).withLimits(limits));
        return (ServerState.Ready) pair.serverState();
    }

    private static Step<ServerState, SessionOutput> send(ServerState state, Stanza stanza, long atMillis) {
        return ServerSession.step(state, new SessionInput.Received(stanza), new Fresh(T0.plusMillis(atMillis), "0".repeat(96)));
    }

    private static Message chat(int n) {
        return Message.chat(ROMEO, "wherefore " + n).withId(Option.some("m" + n));
    }

    private static boolean routed(Step<ServerState, SessionOutput> step) {
        return step.outputs().size() == 1 && step.outputs().head() instanceof SessionOutput.Route;
    }

    @Test
    void beyondTheBurstAStanzaIsRefusedWithTooManyStanzasUntilTimeRefillsTheBucket() {
        ServerState state = ready(new StanzaLimits(Option.some(new RateLimit(3, 1)), Option.none()));
        for (int n = 0; n < 3; n++) {
            Step<ServerState, SessionOutput> step = send(state, chat(n), 0);
            assertThat(routed(step)).as("message %d of the burst", n).isTrue();
            state = step.state();
        }
        Step<ServerState, SessionOutput> refused = send(state, chat(3), 500);
        assertThat(refused.outputs()).singleElement().isInstanceOf(SessionOutput.Send.class);
        Message error = (Message) ((SessionOutput.Send) refused.outputs().head()).element();
        assertThat(error.type()).contains(MessageType.ERROR);
        assertThat(error.id()).contains("m3");
        assertThat(error.from()).contains(NegotiationTest.DOMAIN);
        assertThat(error.to()).contains(NegotiationTest.JULIET);
        assertThat(error.body()).as("the payload is not echoed").isEmpty();
        StanzaError condition = error.error().get();
        assertThat(condition.type()).isEqualTo(StanzaErrorType.WAIT);
        assertThat(condition.condition()).isEqualTo(StanzaErrorCondition.UNEXPECTED_REQUEST);
        assertThat(condition.applicationCondition()).singleElement().matches(e -> e.is("urn:xmpp:errors", "too-many-stanzas"));

        assertThat(routed(send(refused.state(), chat(4), 1000))).as("a second later one token is back").isTrue();
        assertThat(send(refused.state(), chat(4).withType(MessageType.ERROR), 500).outputs()).as("an error is never answered").isEmpty();
        Iq result = Iq.of(IqType.RESULT, "r1", new Ping()).withTo(Option.some(ROMEO));
        assertThat(routed(send(refused.state(), result, 500))).as("a response is not counted").isTrue();
    }

    @Test
    void presenceHasALimitOfItsOwn() {
        ServerState state = ready(new StanzaLimits(Option.none(), Option.some(new RateLimit(2, 0.5))));
        for (int n = 0; n < 2; n++) {
            Step<ServerState, SessionOutput> step = send(state, Presence.available(), 0);
            assertThat(step.outputs()).noneMatch(SessionOutput.Send.class::isInstance);
            state = step.state();
        }
        Step<ServerState, SessionOutput> flood = send(state, Presence.available(), 100);
        Presence error = (Presence) ((SessionOutput.Send) flood.outputs().single()).element();
        assertThat(error.type()).contains(PresenceType.ERROR);
        assertThat(error.error().map(StanzaError::condition)).contains(StanzaErrorCondition.UNEXPECTED_REQUEST);
        assertThat(routed(send(flood.state(), chat(0), 100))).as("messages are not held back by presence").isTrue();
        assertThat(send(flood.state(), Presence.available(), 2000).outputs()).as("two seconds later").noneMatch(SessionOutput.Send.class::isInstance);
    }

    /** Over any prefix, what was let through is at most the burst plus the rate times the time since the first stanza. */
    @Property(tries = 300)
    void noMoreThanTheBurstPlusTheRateGetsThrough(@ForAll @IntRange(min = 1, max = 20) int burst, @ForAll @IntRange(min = 1, max = 50) int perSecond,
                                                   @ForAll("gaps") @Size(max = 120) List<Integer> gapsMillis) {
        ServerState state = ready(new StanzaLimits(Option.some(new RateLimit(burst, perSecond)), Option.none()));
        long at = 0;
        int through = 0;
        for (int n = 0; n < gapsMillis.size(); n++) {
            at += gapsMillis.get(n);
            Step<ServerState, SessionOutput> step = send(state, chat(n), at);
            through += routed(step) ? 1 : 0;
            state = step.state();
            assertThat((double) through).isLessThanOrEqualTo(burst + perSecond * (at - gapsMillis.get(0)) / 1000.0 + 1e-9);
            if (gapsMillis.get(n) >= 1000.0 * burst / perSecond) {
                assertThat(routed(step)).as("after a quiet period that refills the whole burst").isTrue();
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> gaps() {
        return Arbitraries.integers().between(0, 400).list();
    }
}
