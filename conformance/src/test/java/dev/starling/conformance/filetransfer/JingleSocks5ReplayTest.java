package dev.starling.conformance.filetransfer;

import dev.starling.conformance.im.ExampleStanzas;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.jingle.Candidates;
import dev.starling.machine.jingle.JingleInitiator;
import dev.starling.machine.jingle.JingleResponder;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.jid.Jid;
import dev.starling.model.jingle.Jingle;
import dev.starling.model.jingle.JingleAction;
import dev.starling.model.jingle.JingleFile;
import dev.starling.model.jingle.JingleTransport;
import dev.starling.model.stanza.Iq;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.starling.conformance.filetransfer.JingleOutputs.sent;
import static dev.starling.conformance.filetransfer.JingleOutputs.sentR;
import static dev.starling.conformance.filetransfer.JingleOutputs.transport;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jingle file transfer over SOCKS5 (XEP-0260) through {@link JingleInitiator} and
 * {@link JingleResponder}: Example 1's DST.ADDR as the test vector for {@link Candidates}, the
 * candidates tried by priority, a proxy candidate used, activated and announced (§2.4), a direct
 * one used as it is, and the fallback to IBB when no candidate works (§3: transport-replace as in
 * Example 15, transport-accept with the responder's smaller block size as in Example 17).
 */
class JingleSocks5ReplayTest {

    private static final Jid ROMEO = Jid.of("romeo@montague.lit/orchard");
    private static final Jid JULIET = Jid.of("juliet@capulet.lit/balcony");
    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(Fresh.MIN_RANDOM_LENGTH));
    private static final JingleFile FILE = new JingleFile(Option.none(), Option.none(), Option.none(), Option.some("test.txt"),
            Option.some(6144L), Option.none(), Array.empty(), Option.none());
    private static final Seq<JingleTransport.Candidate> CANDIDATES = Candidates.of(Array.of(new Streamhost(ROMEO, "127.0.0.1", 5086),
            new Streamhost(Jid.of("proxy.montague.lit"), "127.0.0.2", 7777)), ROMEO, Array.of("direct1", "proxy1"));
    private static final JingleTransport.Socks5 OFFER = new JingleTransport.Socks5("vj3hs98y",
            Option.some(Candidates.dstAddr("vj3hs98y", ROMEO, JULIET)), Option.some("tcp"), CANDIDATES, Option.none(), false, Option.none(), false);
    private static final JingleInitiator.Config CONFIG = new JingleInitiator.Config(ROMEO, JULIET, "a73sjjvkla37jfea", FILE, OFFER,
            Option.some(new JingleTransport.Ibb(4096, "ch3d9s71")));

    @Test
    void example1sDstaddrIsTheHashOfSidInitiatorAndResponder() {
        JingleTransport.Socks5 example = (JingleTransport.Socks5) ((Jingle) ((Iq) ExampleStanzas.stanzas("xep-0260", 1).single())
                .payload().get()).contents().head().transport().get();
        assertThat(Candidates.dstAddr(example.sid(), ROMEO, JULIET)).isEqualTo(example.dstaddr().get());
        assertThat(Candidates.inTryingOrder(example.candidates()).map(JingleTransport.Candidate::priority).toJavaList()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(CANDIDATES.map(JingleTransport.Candidate::type)).containsExactly("direct", "proxy");
        assertThat(CANDIDATES.get(0).priority()).isGreaterThan(CANDIDATES.get(1).priority());
    }

    @Test
    void aProxyCandidateIsActivatedThenAnnounced() {
        Session session = accepted();
        Step<JingleResponder.State, JingleResponder.Output> used = JingleResponder.step(JULIET, session.responder,
                new JingleResponder.Input.CandidateOutcome(Option.some("proxy1")), FRESH);
        assertThat(used.outputs()).contains(new JingleResponder.Output.ReadSocks5(CANDIDATES.get(1), false));
        Iq candidateUsed = sentR(used.outputs()).single();
        assertThat(transport(candidateUsed).candidateUsed()).contains("proxy1");

        Step<JingleInitiator.State, JingleInitiator.Output> activating = JingleInitiator.step(CONFIG, session.initiator,
                new JingleInitiator.Input.Received(arrived(candidateUsed, JULIET)), FRESH);
        assertThat(activating.outputs()).contains(new JingleInitiator.Output.ConnectAndActivate(CANDIDATES.get(1), CONFIG.dstAddr(), "vj3hs98y"));
        Step<JingleInitiator.State, JingleInitiator.Output> active = JingleInitiator.step(CONFIG, activating.state(),
                new JingleInitiator.Input.Activated(), FRESH);
        assertThat(transport(sent(active.outputs()).single()).activated()).contains("proxy1");
        assertThat(active.outputs()).contains(new JingleInitiator.Output.StartSocks5(CANDIDATES.get(1), true));
    }

    @Test
    void aDirectCandidateIsUsedAsItIs() {
        Session session = accepted();
        Iq candidateUsed = sentR(JingleResponder.step(JULIET, session.responder,
                new JingleResponder.Input.CandidateOutcome(Option.some("direct1")), FRESH).outputs()).single();
        assertThat(JingleInitiator.step(CONFIG, session.initiator, new JingleInitiator.Input.Received(arrived(candidateUsed, JULIET)), FRESH)
                .outputs()).contains(new JingleInitiator.Output.StartSocks5(CANDIDATES.get(0), true));
    }

    @Test
    void whenNoCandidateWorksTheTransportIsReplacedByIbb() {
        Session session = accepted();
        Iq candidateError = sentR(JingleResponder.step(JULIET, session.responder, new JingleResponder.Input.CandidateOutcome(Option.none()),
                FRESH).outputs()).single();
        assertThat(transport(candidateError).candidateError()).isTrue();

        Step<JingleInitiator.State, JingleInitiator.Output> replacing = JingleInitiator.step(CONFIG, session.initiator,
                new JingleInitiator.Input.Received(arrived(candidateError, JULIET)), FRESH);
        Iq replace = sent(replacing.outputs()).filter(iq -> iq.type().isRequest()).single();
        Jingle replaceJingle = (Jingle) replace.payload().get();
        assertThat(replaceJingle.action()).isEqualTo(JingleAction.TRANSPORT_REPLACE);
        Jingle example15 = (Jingle) ((Iq) ExampleStanzas.stanzas("xep-0260", 15).single()).payload().get();
        assertThat(replaceJingle.contents().head().transport()).isEqualTo(example15.contents().head().transport());

        JingleResponder.State smaller = new JingleResponder.State(session.responder.phase(), session.responder.initiator(),
                session.responder.sid(), session.responder.content(), 2048, session.responder.candidates());
        Step<JingleResponder.State, JingleResponder.Output> accepting = JingleResponder.step(JULIET, smaller,
                new JingleResponder.Input.Received(arrived(replace, ROMEO)), FRESH);
        Iq transportAccept = sentR(accepting.outputs()).filter(iq -> iq.type().isRequest()).single();
        Jingle example17 = (Jingle) ((Iq) ExampleStanzas.stanzas("xep-0260", 17).single()).payload().get();
        assertThat(((Jingle) transportAccept.payload().get()).action()).isEqualTo(JingleAction.TRANSPORT_ACCEPT);
        assertThat(((Jingle) transportAccept.payload().get()).contents().head().transport()).isEqualTo(example17.contents().head().transport());
        assertThat(accepting.outputs()).contains(new JingleResponder.Output.ExpectIbb("ch3d9s71", 2048));

        assertThat(JingleInitiator.step(CONFIG, replacing.state(), new JingleInitiator.Input.Received(arrived(transportAccept, JULIET)), FRESH)
                .outputs()).contains(new JingleInitiator.Output.StartIbb("ch3d9s71", 2048));
    }

    @Test
    void aFailedProxyIsReportedAndReplaced() {
        Session session = accepted();
        Iq candidateUsed = sentR(JingleResponder.step(JULIET, session.responder,
                new JingleResponder.Input.CandidateOutcome(Option.some("proxy1")), FRESH).outputs()).single();
        var activating = JingleInitiator.step(CONFIG, session.initiator, new JingleInitiator.Input.Received(arrived(candidateUsed, JULIET)), FRESH);
        var failed = JingleInitiator.step(CONFIG, activating.state(), new JingleInitiator.Input.ProxyFailed("refused"), FRESH);
        Seq<Iq> requests = sent(failed.outputs());
        assertThat(transport(requests.get(0)).proxyError()).isTrue();
        assertThat(((Jingle) requests.get(1).payload().get()).action()).isEqualTo(JingleAction.TRANSPORT_REPLACE);
    }

    /**
     * Both sides after session-initiate and session-accept, the initiator having reported
     * candidate-error for the responder's none, and the responder having received it.
     */
    private static Session accepted() {
        Iq initiate = sent(JingleInitiator.step(CONFIG, JingleInitiator.initial(CONFIG), new JingleInitiator.Input.Start(), FRESH).outputs()).single();
        JingleResponder.State offered = JingleResponder.offer(arrived(initiate, ROMEO), JULIET, 16384, FRESH).get().state().get();
        Step<JingleResponder.State, JingleResponder.Output> accepted = JingleResponder.step(JULIET, offered, new JingleResponder.Input.Accept(), FRESH);
        assertThat(accepted.outputs()).contains(new JingleResponder.Output.TryCandidates(Candidates.inTryingOrder(CANDIDATES), CONFIG.dstAddr()));
        Iq accept = sentR(accepted.outputs()).single();
        assertThat(transport(accept).candidates()).isEmpty();
        Step<JingleInitiator.State, JingleInitiator.Output> negotiating = JingleInitiator.step(CONFIG,
                JingleInitiator.step(CONFIG, JingleInitiator.initial(CONFIG), new JingleInitiator.Input.Start(), FRESH).state(),
                new JingleInitiator.Input.Received(arrived(accept, JULIET)), FRESH);
        Iq candidateError = sent(negotiating.outputs()).filter(iq -> iq.type().isRequest()).single();
        assertThat(transport(candidateError).candidateError()).isTrue();
        Step<JingleResponder.State, JingleResponder.Output> informed = JingleResponder.step(JULIET, accepted.state(),
                new JingleResponder.Input.Received(arrived(candidateError, ROMEO)), FRESH);
        assertThat(informed.outputs()).containsExactly(new JingleResponder.Output.Send(dev.starling.machine.stanza.StanzaReplies.result(
                arrived(candidateError, ROMEO))));
        return new Session(negotiating.state(), informed.state());
    }

    private record Session(JingleInitiator.State initiator, JingleResponder.State responder) {
    }

    private static Iq arrived(Iq iq, Jid from) {
        return iq.withFrom(Option.some(from));
    }
}
