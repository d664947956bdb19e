package dev.starling.conformance.session;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stream.server.ServerSession;
import dev.starling.machine.stream.server.ServerState;
import dev.starling.model.Bytes;
import dev.starling.model.ibb.InBandBytestream;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6120 §8.2.3 (every request gets one answer) when a client session ends: the IQ requests the
 * server delivered to it and it did not answer are answered for it with service-unavailable
 * (RFC 6121 §8.5.3.1), routed back to their senders before the session is reported ended; those
 * it answered are not; a request delivered while its stream is closing, or after it closed, is
 * answered at once.
 */
class UnansweredRequestsTest {

    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "s2c1".repeat(24));
    private static final Jid ROMEO = Jid.of("romeo@im.example.com/orchard");

    @Test
    void requestsLeftUnansweredAreBouncedWhenTheClientDisconnects() {
        ServerState state = ready();
        state = ServerSession.step(state, new SessionInput.Deliver(chunk("c1", 0)), FRESH).state();
        state = ServerSession.step(state, new SessionInput.Deliver(chunk("c2", 1)), FRESH).state();
        Iq answer = new Iq(IqType.RESULT, "c1", Option.none(), Option.some(ROMEO), Option.none(), Array.empty());
        state = ServerSession.step(state, new SessionInput.Received(answer), FRESH).state();

        Step<ServerState, SessionOutput> ended = ServerSession.step(state, new SessionInput.TransportClosed(), FRESH);
        Seq<Iq> routed = routed(ended.outputs());
        assertThat(routed).hasSize(1);
        Iq bounce = routed.head();
        assertThat(bounce.type()).isEqualTo(IqType.ERROR);
        assertThat(bounce.iqId()).isEqualTo("c2");
        assertThat(bounce.to()).contains(ROMEO);
        assertThat(bounce.from()).contains(NegotiationTest.JULIET);
        assertThat(bounce.error().get().condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        assertThat(bounce.payload()).as("the chunk is not echoed back").isEmpty();
        assertThat(ended.outputs().head()).as("routed before the session reports its end").isInstanceOf(SessionOutput.Route.class);
    }

    @Test
    void aStreamErrorBouncesThemTooAndAClosingStreamAnswersAtOnce() {
        ServerState state = ServerSession.step(ready(), new SessionInput.Deliver(chunk("c1", 0)), FRESH).state();
        Step<ServerState, SessionOutput> closing = ServerSession.step(state,
                new SessionInput.Terminate(StreamError.of(StreamErrorCondition.CONFLICT)), FRESH);
        assertThat(routed(closing.outputs()).map(Iq::iqId)).containsExactly("c1");

        Step<ServerState, SessionOutput> late = ServerSession.step(closing.state(), new SessionInput.Deliver(chunk("c2", 1)), FRESH);
        assertThat(routed(late.outputs()).map(Iq::iqId)).containsExactly("c2");
        assertThat(late.outputs()).noneMatch(SessionOutput.Send.class::isInstance);

        ServerState closed = ServerSession.step(late.state(), new SessionInput.TransportClosed(), FRESH).state();
        assertThat(closed).isInstanceOf(ServerState.Closed.class);
        assertThat(routed(ServerSession.step(closed, new SessionInput.Deliver(chunk("c3", 2)), FRESH).outputs()).map(Iq::iqId))
                .as("delivered as the connection closed").containsExactly("c3");
    }

    @Test
    void answeredRequestsAndResultsLeaveNothingToBounce() {
        ServerState state = ServerSession.step(ready(), new SessionInput.Deliver(chunk("c1", 0)), FRESH).state();
        Iq error = new Iq(IqType.ERROR, "c1", Option.none(), Option.some(ROMEO), Option.none(), Array.empty());
        state = ServerSession.step(state, new SessionInput.Received(error), FRESH).state();
        Iq result = new Iq(IqType.RESULT, "r1", Option.some(ROMEO), Option.some(NegotiationTest.JULIET), Option.none(), Array.empty());
        state = ServerSession.step(state, new SessionInput.Deliver(result), FRESH).state();
        assertThat(((ServerState.Ready) state).unanswered()).isEmpty();
        assertThat(routed(ServerSession.step(state, new SessionInput.TransportClosed(), FRESH).outputs())).isEmpty();
    }

    /** RFC 6121 §2.3.2, Example 13: the client's results to two roster pushes (from no one, to each resource) go nowhere and leave nothing behind. */
    @Test
    void resultsToRosterPushesAreTakenSilently() {
        ServerState state = ready();
        for (dev.starling.model.stanza.Stanza example : dev.starling.conformance.im.ExampleStanzas.decode(
                dev.starling.conformance.corpus.SpeakerTurnsAccess.split(dev.starling.conformance.im.ExampleStanzas.text("rfc6121", 13))
                        .stream().map(part -> part.text()).collect(java.util.stream.Collectors.joining("\n")))) {
            Iq push = Iq.of(IqType.SET, ((Iq) example).iqId(), dev.starling.model.roster.RosterQuery.get()).withTo(Option.some(NegotiationTest.JULIET));
            state = ServerSession.step(state, new SessionInput.Deliver(push), FRESH).state();
            Step<ServerState, SessionOutput> answered = ServerSession.step(state,
                    new SessionInput.Received(example.withFrom(Option.some(NegotiationTest.JULIET))), FRESH);
            assertThat(answered.outputs()).as("no reply, nothing routed").noneMatch(o -> o instanceof SessionOutput.Send || o instanceof SessionOutput.Route);
            state = answered.state();
        }
        assertThat(((ServerState.Ready) state).unanswered()).isEmpty();
        assertThat(routed(ServerSession.step(state, new SessionInput.TransportClosed(), FRESH).outputs())).isEmpty();
    }

    private static ServerState ready() {
        SessionPair pair = NegotiationTest.pair(NegotiationTest.client("r0m30myr0m30"), NegotiationTest.server(TlsPolicy.REQUIRED, false));
        return pair.serverState();
    }

    private static Iq chunk(String id, int seq) {
        return new Iq(IqType.SET, id, Option.some(ROMEO), Option.some(NegotiationTest.JULIET), Option.none(),
                Array.of(new InBandBytestream.Data(seq, "s1", Bytes.wrapOwned(new byte[] {1, 2, 3}))));
    }

    private static Seq<Iq> routed(Seq<SessionOutput> outputs) {
        return outputs.filter(SessionOutput.Route.class::isInstance).map(o -> (Iq) ((SessionOutput.Route) o).stanza());
    }
}
