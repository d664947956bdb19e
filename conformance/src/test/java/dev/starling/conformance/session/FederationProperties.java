package dev.starling.conformance.session;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.machine.stream.federation.FederationConfig;
import dev.starling.machine.stream.federation.InboundServerSession;
import dev.starling.machine.stream.federation.InboundState;
import dev.starling.machine.stream.federation.OutboundServerSession;
import dev.starling.machine.stream.federation.OutboundState;
import dev.starling.model.Bytes;
import dev.starling.model.Namespaces;
import dev.starling.model.jid.Jid;
import dev.starling.model.sasl.SaslAuth;
import dev.starling.model.sasl.SaslFailure;
import dev.starling.model.sasl.SaslFailureCondition;
import dev.starling.model.sasl.SaslMechanisms;
import dev.starling.model.sasl.SaslSuccess;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stream.StreamFeatures;
import dev.starling.model.stream.StreamHeader;
import dev.starling.model.tls.StartTls;
import dev.starling.model.tls.StartTlsFeature;
import dev.starling.model.tls.TlsFailure;
import dev.starling.model.tls.TlsProceed;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random interleavings of legal and illegal inputs to the two server-to-server machines. The
 * initiating side never loses a stanza: each one handed to it is sent exactly once or answered
 * exactly once with an error (RFC 6120 §8.3.3.15, §8.3.3.16), whatever the peer does. The
 * receiving side routes only stanzas that arrived after EXTERNAL succeeded, addressed to this
 * server and from the authenticated peer (§8.1.1.2, §8.1.2.2). Both end at most once and are
 * silent once closed.
 */
class FederationProperties {

    private static final Jid LOCAL = Jid.of("im.example.com");
    private static final Jid PEER = Jid.of("example.net");

    @Property(tries = 1000)
    void theInitiatingServerSendsOrBouncesEveryStanzaExactlyOnce(@ForAll("outboundInputs") List<SessionInput> inputs) {
        OutboundState state = OutboundServerSession.initial(new FederationConfig(LOCAL, java.time.Duration.ofSeconds(30),
                java.time.Duration.ofSeconds(5), 3), PEER);
        Map<String, Integer> outcomes = new HashMap<>();
        List<String> handed = new ArrayList<>();
        int ended = 0;
        List<SessionInput> all = new ArrayList<>(inputs);
        all.add(new SessionInput.TransportClosed()); // the connection always goes away in the end
        for (int i = 0; i < all.size(); i++) {
            SessionInput input = all.get(i);
            if (input instanceof SessionInput.Deliver deliver) {
                handed.add(deliver.stanza().id().get());
            }
            Step<OutboundState, SessionOutput> step = OutboundServerSession.step(state, input, fresh(i));
            for (SessionOutput output : step.outputs()) {
                if (output instanceof SessionOutput.Send send && send.element() instanceof Stanza stanza) {
                    assertThat(state).as("stanzas go out only on a negotiated stream").isInstanceOf(OutboundState.Ready.class);
                    outcomes.merge(stanza.id().get(), 1, Integer::sum);
                }
                if (output instanceof SessionOutput.Route route) {
                    assertThat(route.stanza().error()).as("only error replies go back").isNotEmpty();
                    assertThat(route.stanza().to()).contains(Jid.of("juliet@im.example.com/balcony"));
                    outcomes.merge(route.stanza().id().get(), 1, Integer::sum);
                }
                if (output instanceof SessionOutput.Notify notify && notify.event() instanceof SessionEvent.Ended) {
                    ended++;
                }
            }
            state = step.state();
        }
        assertThat(state).isInstanceOf(OutboundState.Closed.class);
        assertThat(outcomes.keySet()).as("every stanza sent or bounced").containsExactlyInAnyOrderElementsOf(handed);
        assertThat(outcomes.values()).as("exactly once").allMatch(count -> count == 1);
        assertThat(ended).as("the stream ends once").isEqualTo(1);
    }

    @Property(tries = 1000)
    void theReceivingServerRoutesOnlyAuthenticatedWellAddressedStanzas(@ForAll("inboundInputs") List<SessionInput> inputs) {
        InboundState state = InboundServerSession.initial(FederationConfig.defaults(LOCAL));
        int ended = 0;
        for (int i = 0; i < inputs.size(); i++) {
            boolean wasClosed = state instanceof InboundState.Closed;
            Step<InboundState, SessionOutput> step = InboundServerSession.step(state, inputs.get(i), fresh(i));
            if (wasClosed) {
                assertThat(step.outputs()).as("a closed stream does nothing").isEmpty();
            }
            for (SessionOutput output : step.outputs()) {
                if (output instanceof SessionOutput.Route route) {
                    assertThat(state).as("routing only after negotiation").isInstanceOf(InboundState.Ready.class);
                    assertThat(state.context().authenticated()).contains(PEER);
                    assertThat(route.stanza().from().map(Jid::domain)).contains(PEER.domain());
                    assertThat(route.stanza().to().map(Jid::domain)).contains(LOCAL.domain());
                }
                if (output instanceof SessionOutput.Send send) {
                    assertThat(send.element()).as("nothing but negotiation goes back").isNotInstanceOf(Stanza.class);
                }
                if (output instanceof SessionOutput.Notify notify && notify.event() instanceof SessionEvent.Ended) {
                    ended++;
                }
            }
            state = step.state();
        }
        assertThat(ended).as("the stream ends at most once").isLessThanOrEqualTo(1);
    }

    @Provide
    Arbitrary<List<SessionInput>> outboundInputs() {
        Arbitrary<SessionInput> peer = Arbitraries.of(
                new SessionInput.Connected(false),
                new SessionInput.Connected(true),
                new SessionInput.HeaderReceived(StreamHeader.of(Namespaces.SERVER).withFrom(Option.some(PEER))),
                new SessionInput.HeaderReceived(StreamHeader.of("")),
                new SessionInput.HeaderReceived(StreamHeader.of(Namespaces.CLIENT)),
                received(StreamFeatures.of(new StartTlsFeature(true))),
                received(StreamFeatures.of(new SaslMechanisms(Array.of("EXTERNAL")))),
                received(StreamFeatures.of(new SaslMechanisms(Array.of("SCRAM-SHA-1")))),
                received(StreamFeatures.of()),
                received(new TlsProceed()),
                received(new TlsFailure()),
                received(new SaslSuccess(Option.none())),
                received(new SaslFailure(SaslFailureCondition.NOT_AUTHORIZED, Option.none())),
                received(message("stray", "romeo@example.net", "juliet@im.example.com")),
                new SessionInput.TlsEstablished(Array.empty(), Array.empty()),
                new SessionInput.TlsFailed("handshake failure"),
                new SessionInput.TimerFired(TimerKey.NEGOTIATION),
                new SessionInput.TimerFired(TimerKey.CLOSING),
                new SessionInput.PeerClosedStream(),
                new SessionInput.Close());
        Arbitrary<SessionInput> deliveries = Arbitraries.integers().between(0, 1_000_000)
                .map(n -> new SessionInput.Deliver(message("m" + n, "juliet@im.example.com/balcony", "romeo@example.net")));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, peer), net.jqwik.api.Tuple.of(1, deliveries))
                .list().ofMaxSize(40).uniqueElements(input -> input instanceof SessionInput.Deliver d ? d.stanza().id().get() : new Object());
    }

    @Provide
    Arbitrary<List<SessionInput>> inboundInputs() {
        return Arbitraries.of(
                new SessionInput.Connected(false),
                new SessionInput.HeaderReceived(StreamHeader.of(Namespaces.SERVER).withFrom(Option.some(PEER)).withTo(Option.some(LOCAL))),
                new SessionInput.HeaderReceived(StreamHeader.of(Namespaces.SERVER).withTo(Option.some(LOCAL))),
                new SessionInput.HeaderReceived(StreamHeader.of(Namespaces.SERVER).withFrom(Option.some(PEER)).withTo(Option.some(PEER))),
                new SessionInput.HeaderReceived(StreamHeader.of(Namespaces.CLIENT).withFrom(Option.some(PEER)).withTo(Option.some(LOCAL))),
                received(new StartTls()),
                received(new SaslAuth("EXTERNAL", Option.some(Bytes.empty()))),
                received(new SaslAuth("EXTERNAL", Option.some(Bytes.of("evil.example".getBytes())))),
                received(new SaslAuth("PLAIN", Option.some(Bytes.empty()))),
                received(message("ok", "romeo@example.net/orchard", "juliet@im.example.com")),
                received(message("spoofed", "eve@evil.example", "juliet@im.example.com")),
                received(message("misrouted", "romeo@example.net", "someone@elsewhere.example")),
                new SessionInput.TlsEstablished(Array.empty(), Array.of("example.net")),
                new SessionInput.TlsEstablished(Array.empty(), Array.of("*.net.example")),
                new SessionInput.TlsEstablished(Array.empty(), Array.empty()),
                new SessionInput.TimerFired(TimerKey.NEGOTIATION),
                new SessionInput.PeerClosedStream(),
                new SessionInput.Close())
                .list().ofMaxSize(40);
    }

    private static SessionInput received(dev.starling.model.stream.StreamElement element) {
        return new SessionInput.Received(element);
    }

    private static Message message(String id, String from, String to) {
        return Message.chat(Jid.of(to), "hello").withId(Option.some(id)).withFrom(Option.some(Jid.of(from)));
    }

    private static Fresh fresh(int i) {
        return new Fresh(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i), String.format("%096d", i));
    }
}
