package dev.starling.conformance.session;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEquivalence;
import dev.starling.conformance.corpus.SpeakerTurnsAccess;
import dev.starling.conformance.corpus.SpecCorpus;
import dev.starling.conformance.corpus.SpecExample;
import dev.starling.conformance.corpus.StreamReplay;
import dev.starling.io.session.DecodedInputs;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.stream.federation.FederationConfig;
import dev.starling.machine.stream.federation.InboundServerSession;
import dev.starling.machine.stream.federation.InboundState;
import dev.starling.machine.stream.federation.OutboundServerSession;
import dev.starling.machine.stream.federation.OutboundState;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.sasl.SaslFailureCondition;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stream.StreamHeader;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6120 §9.2 replayed as a script from both ends. For the receiving server (Server2,
 * example.net, {@link InboundServerSession}) every S1 turn is decoded and fed in, and every S2
 * turn must be what the machine sends; for the initiating server (Server1, im.example.com,
 * {@link OutboundServerSession}) it is the other way round, with the message handed to the
 * machine by the router and the close asked for by the application. The "(alt)" steps are
 * replayed on their own. Compared without stream ids (random) and without the header style:
 * the RFC's Server2 writes its header prefix-free, Starling declares jabber:server as the
 * default namespace, and §4.8.2 makes the two equivalent; and without the optional
 * {@code <text/>} Starling adds to a SASL failure.
 */
class Rfc6120ServerToServerWalkthroughTest {

    private static final String SERVER_HEADER = "<stream:stream xmlns='jabber:server'"
            + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";
    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final Jid SERVER1 = Jid.of("im.example.com");
    private static final Jid SERVER2 = Jid.of("example.net");

    private final Deque<Object> sent = new ArrayDeque<>();
    private final List<Stanza> routed = new ArrayList<>();
    private final List<SessionEvent> events = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    @Test
    void theReceivingServerFollowsTheWalkthrough() {
        Inbound server2 = new Inbound(Array.of("im.example.com"));
        replay(server2, "S1", "S2", example -> !example.caption().contains("(alt)"));

        assertThat(checked).as("Server2 turns compared").hasSize(7);
        assertThat(routed).singleElement().satisfies(stanza -> {
            assertThat(stanza.from()).contains(Jid.of("juliet@im.example.com/balcony"));
            assertThat(stanza.to()).contains(Jid.of("romeo@example.net"));
        });
        assertThat(events).contains(new SessionEvent.FederationReady(SERVER1));
        assertThat(server2.state).isInstanceOf(InboundState.Closed.class);
    }

    @Test
    void theInitiatingServerFollowsTheWalkthrough() {
        Outbound server1 = new Outbound();
        replay(server1, "S2", "S1", example -> !example.caption().contains("(alt)"));

        assertThat(checked).as("Server1 turns compared").hasSize(7);
        assertThat(events).contains(new SessionEvent.FederationReady(SERVER2));
        assertThat(routed).as("nothing bounced").isEmpty();
        assertThat(server1.state).isInstanceOf(OutboundState.Closed.class);
    }

    /** Step 10 (alt): a certificate that does not name im.example.com gets {@code <not-authorized/>} and the stream ends. */
    @Test
    void theReceivingServerRefusesACertificateForAnotherDomain() {
        Inbound server2 = new Inbound(Array.of("elsewhere.example.org"));
        replay(server2, "S1", "S2", example -> example.number() <= 167 && !example.caption().contains("(alt)")
                || example.caption().startsWith("Step 10 (alt)"));

        assertThat(checked).last().asString().contains("example 169");
        assertThat(events).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(SessionEvent.AuthenticationFailed.class,
                failed -> assertThat(failed.condition()).isEqualTo(SaslFailureCondition.NOT_AUTHORIZED)));
        assertThat(server2.state).isInstanceOf(InboundState.Closing.class);
    }

    /** Steps 5 (alt) and 10 (alt) from Server1's side: a refusal ends the stream, and a stanza waiting for it goes back with an error. */
    @Test
    void theInitiatingServerEndsTheStreamWhenRefused() {
        for (String alt : List.of("Step 5 (alt)", "Step 10 (alt)")) {
            Outbound server1 = new Outbound();
            routed.clear();
            server1.feed(new SessionInput.Deliver(stanza(
                    "<message from='juliet@im.example.com/balcony' to='romeo@example.net' id='q1'><body>hi</body></message>")));
            int last = alt.startsWith("Step 5") ? 163 : 168;
            replay(server1, "S2", "S1", example -> example.number() < last && !example.caption().contains("(alt)")
                    || example.caption().startsWith(alt));

            assertThat(server1.state).as(alt).isInstanceOfAny(OutboundState.Closed.class, OutboundState.Closing.class);
            assertThat(routed).as(alt).singleElement().satisfies(bounce -> {
                assertThat(bounce.to()).contains(Jid.of("juliet@im.example.com/balcony"));
                assertThat(bounce.error().map(e -> e.condition().wireName())).contains("remote-server-not-found");
            });
        }
    }

    private void replay(Machine machine, String peer, String self, Predicate<SpecExample> included) {
        sent.clear();
        checked.clear();
        machine.feed(new SessionInput.Connected(false));
        for (SpecExample example : SpecCorpus.read("rfc6120.json").examples()) {
            if (example.number() < 159 || example.number() > 174 || !included.test(example)) {
                continue;
            }
            for (var part : SpeakerTurnsAccess.split(example.text())) {
                if (part.speaker().equals(peer)) {
                    peerSaid(machine, part.text());
                } else if (part.speaker().equals(self)) {
                    expectSent(machine, example, part.text());
                }
            }
        }
    }

    private void peerSaid(Machine machine, String text) {
        String body = text.strip();
        boolean closes = body.endsWith("</stream>") || body.endsWith("</stream:stream>");
        String elements = closes ? body.substring(0, body.lastIndexOf("</stream")).strip() : body;
        if (!elements.isEmpty()) {
            for (StreamEvent event : StreamReplay.events(elements, SERVER_HEADER, Integer.MAX_VALUE)) {
                boolean synthetic = event instanceof StreamEvent.StreamOpened && !elements.matches("(?s)^<(stream:)?stream\\s.*");
                if (!synthetic) {
                    machine.feed(DecodedInputs.toInput(event, REGISTRY, Namespaces.SERVER));
                }
            }
        }
        if (closes) {
            machine.feed(new SessionInput.PeerClosedStream());
        }
    }

    private void expectSent(Machine machine, SpecExample example, String text) {
        String body = text.strip();
        if (body.equals("</stream>") || body.equals("</stream:stream>")) {
            if (sent.isEmpty()) {
                machine.feed(new SessionInput.Close()); // the application ends the stream
            }
            assertThat(sent.poll()).as(example.id()).isEqualTo("</stream>");
            checked.add(example.id());
            return;
        }
        String elements = body.endsWith("</stream>") ? body.substring(0, body.lastIndexOf("</stream>")).strip() : body;
        for (StreamEvent event : StreamReplay.events(elements, SERVER_HEADER, Integer.MAX_VALUE)) {
            if (event instanceof StreamEvent.StreamOpened opened && elements.matches("(?s)^<(stream:)?stream\\s.*")) {
                assertThat(sent.poll()).as(example.id()).isInstanceOfSatisfying(StreamHeader.class, header -> {
                    assertThat(header.from()).as(example.id()).isEqualTo(opened.header().from());
                    assertThat(header.to()).as(example.id()).isEqualTo(opened.header().to());
                    assertThat(header.version()).as(example.id()).isEqualTo(opened.header().version());
                    assertThat(header.admits(Namespaces.SERVER)).as(example.id()).isTrue();
                });
            } else if (event instanceof StreamEvent.TopLevelElement top) {
                if (sent.isEmpty() && machine instanceof Outbound) { // a stanza the router hands to the outbound stream
                    machine.feed(new SessionInput.Deliver((Stanza) REGISTRY.decodeTopLevel(top.element(), Namespaces.SERVER).get()));
                }
                assertThat(sent.poll()).as(example.id() + ": nothing sent").isInstanceOfSatisfying(Element.class, actual ->
                        assertThat(withoutText(actual)).as(example.id()).isEqualTo(XmlEquivalence.normalize(top.element())));
            }
        }
        if (body.endsWith("</stream>")) {
            assertThat(sent.poll()).as(example.id()).isEqualTo("</stream>");
        }
        checked.add(example.id());
    }

    private void perform(Machine machine, Seq<SessionOutput> outputs) {
        for (SessionOutput output : outputs) {
            if (output instanceof SessionOutput.SendHeader header) {
                sent.add(header.header());
            } else if (output instanceof SessionOutput.Send send) {
                sent.add(REGISTRY.encode(send.element(), Namespaces.SERVER));
            } else if (output instanceof SessionOutput.CloseStream) {
                sent.add("</stream>");
            } else if (output instanceof SessionOutput.StartTls) {
                machine.feed(machine.handshake());
            } else if (output instanceof SessionOutput.Route route) {
                routed.add(route.stanza());
            } else if (output instanceof SessionOutput.Notify notify) {
                events.add(notify.event());
            }
        }
    }

    private static Fresh fresh() {
        return new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "r".repeat(Fresh.MIN_RANDOM_LENGTH));
    }

    /** One of the two machines, fed input by input. */
    private abstract static class Machine {
        abstract void feed(SessionInput input);

        /** What the TLS layer reports after the handshake: the peer certificate's names, as the shell extracts them. */
        abstract SessionInput handshake();
    }

    private final class Inbound extends Machine {
        InboundState state = InboundServerSession.initial(FederationConfig.defaults(SERVER2));
        private final Seq<String> certificate;

        Inbound(Seq<String> certificate) {
            this.certificate = certificate;
        }

        @Override
        void feed(SessionInput input) {
            Step<InboundState, SessionOutput> step = InboundServerSession.step(state, input, fresh());
            state = step.state();
            perform(this, step.outputs());
        }

        @Override
        SessionInput handshake() {
            return new SessionInput.TlsEstablished(Array.empty(), certificate);
        }
    }

    private final class Outbound extends Machine {
        OutboundState state = OutboundServerSession.initial(FederationConfig.defaults(SERVER1), SERVER2);

        @Override
        void feed(SessionInput input) {
            Step<OutboundState, SessionOutput> step = OutboundServerSession.step(state, input, fresh());
            state = step.state();
            perform(this, step.outputs());
        }

        @Override
        SessionInput handshake() {
            return new SessionInput.TlsEstablished(Array.empty(), Array.empty());
        }
    }

    /** The element without the optional human-readable {@code <text/>} of a SASL failure (RFC 6120 §6.4.5), which the RFC leaves out. */
    private static Element withoutText(Element element) {
        Element normalized = XmlEquivalence.normalize(element);
        return normalized.is(Namespaces.SASL, "failure")
                ? normalized.replaceChildren(normalized.elements().filter(child -> !child.name().localName().equals("text")))
                : normalized;
    }

    private static Stanza stanza(String xml) {
        Element element = StreamReplay.events(xml, SERVER_HEADER, Integer.MAX_VALUE)
                .filter(StreamEvent.TopLevelElement.class::isInstance).map(e -> ((StreamEvent.TopLevelElement) e).element()).head();
        return (Stanza) REGISTRY.decodeTopLevel(element, Namespaces.SERVER).get();
    }
}
