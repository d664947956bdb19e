package dev.starling.conformance.filetransfer;

import dev.starling.conformance.im.ExampleStanzas;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.jingle.CandidateExchange;
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
 * Both parties' SOCKS5 candidates (XEP-0260 §2.2 to §2.4) through {@link JingleInitiator} and
 * {@link JingleResponder}: Example 3's session-accept with the responder's candidates, whose
 * DST.ADDR is the test vector for the responder's side, tried by the initiator and reported as in
 * Example 5; the responder offering its own; and the nomination rules of §2.4 (one report used,
 * both with different priorities, a tie, the responder's proxy activated by the responder).
 */
class JingleDualCandidatesReplayTest {

    private static final Jid ROMEO = Jid.of("romeo@montague.lit/orchard");
    private static final Jid JULIET = Jid.of("juliet@capulet.lit/balcony");
    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(Fresh.MIN_RANDOM_LENGTH));
    private static final JingleFile FILE = new JingleFile(Option.none(), Option.none(), Option.none(), Option.some("test.txt"),
            Option.some(6144L), Option.none(), Array.empty(), Option.none());
    private static final Seq<JingleTransport.Candidate> ROMEOS = Candidates.of(Array.of(new Streamhost(ROMEO, "127.0.0.1", 5086),
            new Streamhost(Jid.of("proxy.montague.lit"), "127.0.0.2", 7777)), ROMEO, Array.of("direct1", "proxy1"));
    private static final JingleInitiator.Config CONFIG = new JingleInitiator.Config(ROMEO, JULIET, "a73sjjvkla37jfea", FILE,
            new JingleTransport.Socks5("vj3hs98y", Option.some(Candidates.dstAddr("vj3hs98y", ROMEO, JULIET)), Option.some("tcp"), ROMEOS,
                    Option.none(), false, Option.none(), false),
            Option.some(new JingleTransport.Ibb(4096, "ch3d9s71")));
    private static final Iq EXAMPLE_3 = (Iq) ExampleStanzas.stanzas("xep-0260", 3).single();
    private static final Seq<JingleTransport.Candidate> JULIETS = transport(EXAMPLE_3).candidates();

    @Test
    void example3sCandidatesAreTriedWithTheResponderSideDstAddr() {
        Step<JingleInitiator.State, JingleInitiator.Output> accepted = JingleInitiator.step(CONFIG, started(),
                new JingleInitiator.Input.Received(EXAMPLE_3), FRESH);
        // §2.2: for candidates the responder offers, DST.ADDR = SHA1(SID + responder + initiator), Example 3's dstaddr
        assertThat(Candidates.dstAddr("vj3hs98y", JULIET, ROMEO)).isEqualTo(transport(EXAMPLE_3).dstaddr().get());
        assertThat(accepted.outputs()).contains(new JingleInitiator.Output.TryCandidates(Candidates.inTryingOrder(JULIETS),
                transport(EXAMPLE_3).dstaddr().get()));
        assertThat(sent(accepted.outputs()).filter(iq -> iq.type().isRequest())).as("no report before the attempts end").isEmpty();
    }

    @Test
    void theInitiatorsReportIsExample5() {
        Step<JingleInitiator.State, JingleInitiator.Output> reported = JingleInitiator.step(CONFIG, negotiating(),
                new JingleInitiator.Input.CandidateOutcome(Option.some("hr65dqyd")), FRESH);
        Iq example5 = (Iq) ExampleStanzas.stanzas("xep-0260", 5).single();
        Iq report = sent(reported.outputs()).single();
        assertThat(report.to()).isEqualTo(example5.to());
        assertThat(((Jingle) report.payload().get()).action()).isEqualTo(JingleAction.TRANSPORT_INFO);
        assertThat(transport(report)).isEqualTo(transport(example5));
        assertThat(reported.state().phase()).as("the responder's report is still to come").isEqualTo(JingleInitiator.Phase.NEGOTIATING);
    }

    @Test
    void theResponderOffersItsOwnCandidatesButNoProxyAndNoneOfTheInitiators() {
        Seq<JingleTransport.Candidate> own = JULIETS.append(ROMEOS.get(0)); // one repeats the initiator's host and port
        Step<JingleResponder.State, JingleResponder.Output> accepted = JingleResponder.step(JULIET, offered(),
                new JingleResponder.Input.Accept(own), FRESH);
        Iq accept = sentR(accepted.outputs()).single();
        assertThat(transport(accept).candidates().map(JingleTransport.Candidate::cid)).containsExactly("ht567dq", "grt654q2", "hr65dqyd");
        // Example 3's dstaddr, SHA1(SID + responder + initiator): given with any candidate (Smack 4.4.8 connects with it), none without
        assertThat(transport(accept).dstaddr()).isEqualTo(transport(EXAMPLE_3).dstaddr());
        Iq bare = sentR(JingleResponder.step(JULIET, offered(), new JingleResponder.Input.Accept(), FRESH).outputs()).single();
        assertThat(transport(bare).candidates()).isEmpty();
        assertThat(transport(bare).dstaddr()).isEmpty();
        assertThat(accepted.outputs()).contains(new JingleResponder.Output.TryCandidates(Candidates.inTryingOrder(ROMEOS), CONFIG.dstAddr()));
    }

    @Test
    void oneCandidateUsedIsNominatedOnBothSides() {
        Sessions both = bothReported(Option.some("hr65dqyd"), Option.none());
        assertThat(both.initiator.outputs()).contains(new JingleInitiator.Output.StartSocks5(JULIETS.get(2), false));
        assertThat(both.responder.outputs()).contains(new JingleResponder.Output.ReadSocks5(JULIETS.get(2), true));
    }

    @Test
    void theHigherPriorityWinsWhenBothAreUsed() {
        Sessions both = bothReported(Option.some("pzv14s74"), Option.some("direct1")); // the responder's proxy loses to the initiator's direct
        assertThat(both.initiator.outputs()).contains(new JingleInitiator.Output.StartSocks5(ROMEOS.get(0), true));
        assertThat(both.responder.outputs()).contains(new JingleResponder.Output.ReadSocks5(ROMEOS.get(0), false));
    }

    @Test
    void onATieTheInitiatorsChoiceWins() {
        JingleTransport.Candidate same = new JingleTransport.Candidate("tie", "127.0.0.3", JULIET, Option.some(6539), ROMEOS.get(0).priority(), "direct");
        JingleInitiator.State state = JingleInitiator.step(CONFIG, started(), new JingleInitiator.Input.Received(accept(Array.of(same))), FRESH).state();
        state = JingleInitiator.step(CONFIG, state, new JingleInitiator.Input.CandidateOutcome(Option.some("tie")), FRESH).state();
        Step<JingleInitiator.State, JingleInitiator.Output> nominated = JingleInitiator.step(CONFIG, state,
                new JingleInitiator.Input.Received(info(JULIET, ROMEO, used("direct1"))), FRESH);
        assertThat(nominated.outputs()).contains(new JingleInitiator.Output.StartSocks5(same, false));
        assertThat(new CandidateExchange(ROMEOS, Array.of(same), Option.some(CandidateExchange.Report.used("tie")),
                Option.some(CandidateExchange.Report.used("direct1"))).outcome())
                .contains(new CandidateExchange.Outcome.Nominated(same, false));
    }

    @Test
    void theRespondersProxyIsUsedOnceTheResponderActivatedIt() {
        Sessions both = bothReported(Option.some("pzv14s74"), Option.none());
        assertThat(both.initiator.state().phase()).isEqualTo(JingleInitiator.Phase.AWAITING_ACTIVATION);
        assertThat(both.initiator.outputs()).noneMatch(o -> o instanceof JingleInitiator.Output.StartSocks5
                || o instanceof JingleInitiator.Output.ConnectAndActivate);
        JingleTransport.Socks5 activated = new JingleTransport.Socks5("vj3hs98y", Option.none(), Option.none(), Array.empty(), Option.none(), false,
                Option.some("pzv14s74"), false);
        assertThat(JingleInitiator.step(CONFIG, both.initiator.state(), new JingleInitiator.Input.Received(info(JULIET, ROMEO, activated)), FRESH)
                .outputs()).contains(new JingleInitiator.Output.StartSocks5(JULIETS.get(3), false));
        JingleTransport.Socks5 proxyError = new JingleTransport.Socks5("vj3hs98y", Option.none(), Option.none(), Array.empty(), Option.none(), false,
                Option.none(), true);
        Seq<Iq> replaced = sent(JingleInitiator.step(CONFIG, both.initiator.state(),
                new JingleInitiator.Input.Received(info(JULIET, ROMEO, proxyError)), FRESH).outputs()).filter(iq -> iq.type().isRequest());
        assertThat(replaced.map(iq -> ((Jingle) iq.payload().get()).action())).containsExactly(JingleAction.TRANSPORT_REPLACE);
    }

    @Test
    void bothErrorsReplaceTheTransportAndTheResponderWaitsForIt() {
        Sessions both = bothReported(Option.none(), Option.none());
        assertThat(sent(both.initiator.outputs()).filter(iq -> iq.type().isRequest()).map(iq -> ((Jingle) iq.payload().get()).action()))
                .containsExactly(JingleAction.TRANSPORT_REPLACE);
        assertThat(both.responder.outputs()).noneMatch(JingleResponder.Output.ReadSocks5.class::isInstance);
    }

    /**
     * The initiator has Example 3's accept and reported {@code initiatorUsed}; the responder
     * (offering Example 3's candidates, but for the proxy, which Starling's responder leaves out)
     * reported {@code responderUsed}; each then receives the other's report.
     */
    private static Sessions bothReported(Option<String> initiatorUsed, Option<String> responderUsed) {
        JingleInitiator.State initiator = JingleInitiator.step(CONFIG, negotiating(), new JingleInitiator.Input.CandidateOutcome(initiatorUsed), FRESH)
                .state();
        JingleResponder.State responder = JingleResponder.step(JULIET, offered(), new JingleResponder.Input.Accept(JULIETS), FRESH).state();
        responder = JingleResponder.step(JULIET, responder, new JingleResponder.Input.CandidateOutcome(responderUsed), FRESH).state();
        JingleTransport.Socks5 initiatorReport = initiatorUsed.map(JingleDualCandidatesReplayTest::used).getOrElse(JingleDualCandidatesReplayTest::error);
        JingleTransport.Socks5 responderReport = responderUsed.map(JingleDualCandidatesReplayTest::used).getOrElse(JingleDualCandidatesReplayTest::error);
        return new Sessions(JingleInitiator.step(CONFIG, initiator, new JingleInitiator.Input.Received(info(JULIET, ROMEO, responderReport)), FRESH),
                JingleResponder.step(JULIET, responder, new JingleResponder.Input.Received(info(ROMEO, JULIET, initiatorReport)), FRESH));
    }

    private record Sessions(Step<JingleInitiator.State, JingleInitiator.Output> initiator, Step<JingleResponder.State, JingleResponder.Output> responder) {
    }

    private static JingleInitiator.State started() {
        return JingleInitiator.step(CONFIG, JingleInitiator.initial(CONFIG), new JingleInitiator.Input.Start(), FRESH).state();
    }

    private static JingleInitiator.State negotiating() {
        return JingleInitiator.step(CONFIG, started(), new JingleInitiator.Input.Received(EXAMPLE_3), FRESH).state();
    }

    private static JingleResponder.State offered() {
        Iq initiate = sent(JingleInitiator.step(CONFIG, JingleInitiator.initial(CONFIG), new JingleInitiator.Input.Start(), FRESH).outputs()).single();
        return JingleResponder.offer(initiate.withFrom(Option.some(ROMEO)), JULIET, 16384, FRESH).get().state().get();
    }

    private static Iq accept(Seq<JingleTransport.Candidate> candidates) {
        Jingle example = (Jingle) EXAMPLE_3.payload().get();
        JingleTransport.Socks5 transport = new JingleTransport.Socks5("vj3hs98y", Option.none(), Option.none(), candidates, Option.none(), false,
                Option.none(), false);
        Jingle accept = Jingle.of(JingleAction.SESSION_ACCEPT, example.sid(), example.contents().map(c -> c.withTransport(transport)))
                .withResponder(JULIET);
        return EXAMPLE_3.withChildren(Array.of(accept));
    }

    private static Iq info(Jid from, Jid to, JingleTransport.Socks5 transport) {
        Jingle jingle = Jingle.of(JingleAction.TRANSPORT_INFO, CONFIG.sid(), Array.of(((Jingle) EXAMPLE_3.payload().get()).contents().head()
                .withoutDescription().withTransport(transport)));
        return new Iq(dev.starling.model.stanza.IqType.SET, "info", Option.some(from), Option.some(to), Option.none(), Array.of(jingle));
    }

    private static JingleTransport.Socks5 used(String cid) {
        return new JingleTransport.Socks5("vj3hs98y", Option.none(), Option.none(), Array.empty(), Option.some(cid), false, Option.none(), false);
    }

    private static JingleTransport.Socks5 error() {
        return new JingleTransport.Socks5("vj3hs98y", Option.none(), Option.none(), Array.empty(), Option.none(), true, Option.none(), false);
    }
}
