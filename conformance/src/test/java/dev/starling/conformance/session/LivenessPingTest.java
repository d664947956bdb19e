package dev.starling.conformance.session;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stream.server.ServerSession;
import dev.starling.machine.stream.server.ServerState;
import dev.starling.model.ping.Ping;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stream.StreamErrorCondition;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's liveness ping, XEP-0199 §4.1 (server-to-client): after the idle timeout the server
 * sends Example 1's ping, the client's answer (Example 2, or Example 3's service-unavailable)
 * cancels the ping timer, and no answer in time ends the stream with connection-timeout.
 */
class LivenessPingTest {

    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "s2c1".repeat(24));

    @Test
    void theServerPingsAnIdleClientAndTheClientAnswers() {
        SessionPair pair = NegotiationTest.pair(NegotiationTest.client("r0m30myr0m30"), NegotiationTest.server(TlsPolicy.REQUIRED, false));
        pair.serverOutputs.clear();
        pair.server(new SessionInput.TimerFired(TimerKey.IDLE));

        Iq ping = (Iq) pair.serverOutputs.stream().filter(SessionOutput.Send.class::isInstance)
                .map(o -> ((SessionOutput.Send) o).element()).findFirst().orElseThrow();
        assertThat(ping.type()).isEqualTo(IqType.GET);
        assertThat(ping.payload()).hasOnlyElementsOfType(Ping.class).hasSize(1);
        assertThat(ping.from()).contains(NegotiationTest.DOMAIN);
        assertThat(ping.to()).contains(NegotiationTest.JULIET);
        assertThat(pair.serverOutputs).contains(new SessionOutput.StartTimer(TimerKey.LIVENESS, Duration.ofSeconds(30)),
                new SessionOutput.CancelTimer(TimerKey.LIVENESS));
        assertThat(pair.clientWire.toString()) // Example 2
                .contains("<iq from=\"juliet@im.example.com/balcony\" id=\"" + ping.iqId() + "\" to=\"im.example.com\" type=\"result\"/>");
        assertThat(((ServerState.Ready) pair.serverState()).livenessPing()).isEmpty();
    }

    @Test
    void serviceUnavailableIsAnAnswerToo() {
        ServerState.Ready pinged = pinged();
        Iq unsupported = Iq.of(IqType.ERROR, pinged.livenessPing().get(), new Ping()).withTo(Option.some(NegotiationTest.DOMAIN));
        Step<ServerState, SessionOutput> step = ServerSession.step(pinged, new SessionInput.Received(unsupported), FRESH);
        assertThat(step.outputs()).containsExactly(new SessionOutput.CancelTimer(TimerKey.LIVENESS));
        assertThat(step.state()).isInstanceOf(ServerState.Ready.class);
    }

    @Test
    void noAnswerInTimeIsConnectionTimeout() {
        Step<ServerState, SessionOutput> step = ServerSession.step(pinged(), new SessionInput.TimerFired(TimerKey.LIVENESS), FRESH);
        assertThat(step.outputs()).anyMatch(o -> o instanceof SessionOutput.CloseStream close
                && close.error().exists(e -> e.condition() == StreamErrorCondition.CONNECTION_TIMEOUT));
        assertThat(step.outputs()).anyMatch(o -> o instanceof SessionOutput.Notify n && n.event() instanceof SessionEvent.Ended);
    }

    @Test
    void aSecondIdlePeriodWhileThePingIsOutSendsNothing() {
        ServerState.Ready pinged = pinged();
        assertThat(ServerSession.step(pinged, new SessionInput.TimerFired(TimerKey.IDLE), FRESH).outputs()).isEmpty();
    }

    @Test
    void withoutLivenessPingsAnIdleStreamEndsAtOnce() {
        SessionPair pair = new SessionPair(NegotiationTest.client("r0m30myr0m30"),
                NegotiationTest.server(TlsPolicy.REQUIRED, false).withLiveness(Duration.ofMinutes(5), Option.none()),
                SessionPair.accounts("juliet", "r0m30myr0m30")).connect();
        pair.server(new SessionInput.TimerFired(TimerKey.IDLE));
        assertThat(pair.serverWire.toString()).contains("<connection-timeout xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>");
        assertThat(pair.clientWire.toString()).doesNotContain("urn:xmpp:ping");
    }

    private static ServerState.Ready pinged() {
        SessionPair pair = NegotiationTest.pair(NegotiationTest.client("r0m30myr0m30"), NegotiationTest.server(TlsPolicy.REQUIRED, false));
        Step<ServerState, SessionOutput> step = ServerSession.step(pair.serverState(), new SessionInput.TimerFired(TimerKey.IDLE), FRESH);
        ServerState.Ready pinged = (ServerState.Ready) step.state();
        assertThat(pinged.livenessPing()).hasSize(1);
        return pinged;
    }
}
