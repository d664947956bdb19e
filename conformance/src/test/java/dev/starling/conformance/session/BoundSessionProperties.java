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
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.ping.Ping;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random inputs to a server session that has negotiated for real (SCRAM over TLS, bound as
 * {@code juliet@im.example.com/balcony}): every stanza it routes carries the session's full JID
 * as 'from' whatever the client wrote (RFC 6120 §8.1.2.1), every request gets exactly one answer
 * or is routed, stanzas for the bound JID reach the socket, the session ends at most once, and once
 * closed it only answers requests still delivered to it.
 */
class BoundSessionProperties {

    private static final Jid ROMEO = Jid.of("romeo@example.net/orchard");

    @Property(tries = 500)
    void aBoundSessionRoutesOnlyAsItsOwnJid(@ForAll("boundInputs") List<SessionInput> inputs) {
        SessionPair pair = NegotiationTest.pair(NegotiationTest.client("r0m30myr0m30"), NegotiationTest.server(TlsPolicy.REQUIRED, false));
        ServerState state = pair.serverState();
        assertThat(state).isInstanceOf(ServerState.Ready.class);
        Jid bound = ((ServerState.Ready) state).jid();
        int ended = 0;
        for (int i = 0; i < inputs.size(); i++) {
            SessionInput input = inputs.get(i);
            boolean wasReady = state instanceof ServerState.Ready;
            boolean wasClosed = state instanceof ServerState.Closed;
            Step<ServerState, SessionOutput> step = ServerSession.step(state, input, fresh(i));
            if (wasClosed && input instanceof SessionInput.Deliver deliver && deliver.stanza() instanceof Iq request && request.type().isRequest()) {
                assertThat(step.outputs()).as("a closed session answers a request delivered to it (RFC 6120 §8.2.3)").singleElement()
                        .isInstanceOfSatisfying(SessionOutput.Route.class, route -> assertThat(((Iq) route.stanza()).type()).isEqualTo(IqType.ERROR));
            } else if (wasClosed) {
                assertThat(step.outputs()).as("a closed session does nothing else").isEmpty();
            }
            for (SessionOutput output : step.outputs()) {
                if (output instanceof SessionOutput.Route route) {
                    assertThat(route.stanza().from()).as("RFC 6120 §8.1.2.1 stamps 'from'").contains(bound);
                }
                if (output instanceof SessionOutput.Notify notify && notify.event() instanceof SessionEvent.Ended) {
                    ended++;
                }
            }
            if (wasReady && input instanceof SessionInput.Deliver deliver) {
                assertThat(step.outputs()).as("delivery to the socket").contains(new SessionOutput.Send(deliver.stanza()));
            }
            if (wasReady && input instanceof SessionInput.Received received && received.element() instanceof Iq iq && iq.type().isRequest()) {
                long answers = step.outputs().count(o -> o instanceof SessionOutput.Send send && send.element() instanceof Iq reply
                        && reply.id().equals(iq.id()) && !reply.type().isRequest());
                long routed = step.outputs().count(o -> o instanceof SessionOutput.Route);
                assertThat(answers + routed).as("one answer or one route for " + iq).isEqualTo(1);
            }
            state = step.state();
        }
        assertThat(ended).as("the session ends at most once").isLessThanOrEqualTo(1);
    }

    private static Fresh fresh(int i) {
        return new Fresh(Instant.parse("2026-01-01T01:00:00Z").plusSeconds(i),
                (i + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz").repeat(3).substring(0, 96));
    }

    @Provide
    Arbitrary<List<SessionInput>> boundInputs() {
        Jid server = NegotiationTest.DOMAIN;
        Jid juliet = NegotiationTest.JULIET;
        Arbitrary<SessionInput> any = Arbitraries.of(
                new SessionInput.Received(Message.chat(ROMEO, "hi")),
                new SessionInput.Received(Message.chat(ROMEO, "forged").withFrom(Option.some(Jid.of("mallory@evil.example/x")))),
                new SessionInput.Received(Message.chat(juliet.bare(), "to myself")),
                new SessionInput.Received(Presence.available()),
                new SessionInput.Received(Iq.of(IqType.GET, "p1", new Ping()).withTo(Option.some(server))),
                new SessionInput.Received(Iq.of(IqType.GET, "p2", new Ping())),
                new SessionInput.Received(Iq.of(IqType.GET, "u1", Element.of("urn:example:unknown", "query")).withTo(Option.some(server))),
                new SessionInput.Received(Iq.of(IqType.GET, "r1", new Ping()).withTo(Option.some(ROMEO))),
                new SessionInput.Received(Iq.of(IqType.RESULT, "x1", Element.of("urn:example:unknown", "query")).withTo(Option.some(ROMEO))),
                new SessionInput.ReceivedMalformed(Element.of(Namespaces.CLIENT, "iq"), StanzaErrorCondition.BAD_REQUEST, "no id"),
                new SessionInput.Deliver(Message.chat(juliet, "hello").withFrom(Option.some(ROMEO))),
                new SessionInput.Deliver(Iq.of(IqType.GET, "d1", new Ping()).withFrom(Option.some(ROMEO)).withTo(Option.some(juliet))),
                new SessionInput.Received(Element.of("urn:xmpp:sm:3", "r")),
                new SessionInput.InputFailed(StreamError.of(StreamErrorCondition.POLICY_VIOLATION)),
                new SessionInput.Received(StreamError.of(StreamErrorCondition.RESET)),
                new SessionInput.PeerClosedStream(), new SessionInput.Close(), new SessionInput.TransportClosed(),
                new SessionInput.Terminate(StreamError.of(StreamErrorCondition.CONFLICT)),
                new SessionInput.TimerFired(TimerKey.IDLE), new SessionInput.TimerFired(TimerKey.LIVENESS), new SessionInput.TimerFired(TimerKey.CLOSING));
        return any.list().ofMaxSize(20);
    }
}
