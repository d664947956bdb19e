package dev.starling.conformance.filetransfer;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both parties' candidates (XEP-0260 §2.3, §2.4), run through the two machines against each
 * other: for random candidates on both sides (direct and proxy for the initiator, direct for the
 * responder, ties of priority included), random reachability, and any interleaving of the two
 * parties' connection attempts and of the stanzas between them (in order per direction, as XMPP
 * delivers them), both parties agree: the initiator streams over exactly the candidate the
 * responder reads from, over the connection one of them made to it; that candidate was reached;
 * its priority is at least that of the other party's report; only the initiator's own proxy is
 * activated by the initiator; and when neither reached a candidate, the transport is replaced once
 * and no bytestream starts.
 */
class CandidateNominationProperties {

    private static final Jid ROMEO = Jid.of("romeo@montague.example/orchard");
    private static final Jid JULIET = Jid.of("juliet@capulet.example/balcony");
    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(Fresh.MIN_RANDOM_LENGTH));
    private static final JingleFile FILE = new JingleFile(Option.none(), Option.none(), Option.none(), Option.some("f.bin"), Option.some(10L),
            Option.none(), Array.empty(), Option.none());

    @Property(tries = 1000)
    void bothPartiesUseTheSameReachedCandidate(@ForAll @Size(min = 1, max = 3) List<Boolean> initiatorProxies,
                                               @ForAll @IntRange(max = 2) int responderCount,
                                               @ForAll @Size(6) List<Boolean> reachable,
                                               @ForAll("schedule") List<Integer> schedule) {
        Seq<JingleTransport.Candidate> romeos = Candidates.of(Array.ofAll(initiatorProxies).zipWithIndex().map(p -> p._1
                ? new Streamhost(Jid.of("proxy" + p._2 + ".montague.example"), "127.0.1." + p._2, 7777)
                : new Streamhost(ROMEO, "127.0.2." + p._2, 5086)), ROMEO, Array.range(0, initiatorProxies.size()).map(i -> "r" + i));
        Seq<JingleTransport.Candidate> juliets = Candidates.of(Array.range(0, responderCount).map(i -> new Streamhost(JULIET, "127.0.3." + i, 6539)),
                JULIET, Array.range(0, responderCount).map(i -> "j" + i));
        Seq<JingleTransport.Candidate> all = romeos.appendAll(juliets);
        Seq<String> reached = all.zipWithIndex().filter(c -> reachable.get(c._2)).map(c -> c._1.cid());
        JingleInitiator.Config config = new JingleInitiator.Config(ROMEO, JULIET, "s1", FILE,
                new JingleTransport.Socks5("b1", Option.some(Candidates.dstAddr("b1", ROMEO, JULIET)), Option.some("tcp"), romeos, Option.none(), false,
                        Option.none(), false), Option.some(new JingleTransport.Ibb(4096, "b1")));

        Run run = new Run(config, juliets, reached);
        run.start();
        for (int i = 0; i < 200 && run.pending(); i++) {
            run.next(schedule.get(i % schedule.size()));
        }
        assertThat(run.pending()).as("the negotiation ends").isFalse();

        Option<String> romeoReached = Candidates.inTryingOrder(juliets).map(JingleTransport.Candidate::cid).find(reached::contains);
        Option<String> julietReached = Candidates.inTryingOrder(romeos).map(JingleTransport.Candidate::cid).find(reached::contains);
        if (romeoReached.isEmpty() && julietReached.isEmpty()) {
            assertThat(run.replaced).isEqualTo(1);
            assertThat(run.streamed).isEmpty();
            assertThat(run.read).isEmpty();
            return;
        }
        assertThat(run.replaced).isZero();
        assertThat(run.streamed).hasSize(1);
        assertThat(run.read).hasSize(1);
        JingleInitiator.Output.StartSocks5 streamed = run.streamed.get(0);
        JingleResponder.Output.ReadSocks5 read = run.read.get(0);
        assertThat(streamed.candidate()).isEqualTo(read.candidate());
        assertThat(streamed.offeredHere()).isNotEqualTo(read.offeredHere());
        // offered by the initiator: the responder reached it; offered by the responder: the initiator did
        assertThat(streamed.offeredHere() ? julietReached : romeoReached).contains(streamed.candidate().cid());
        Option<String> other = streamed.offeredHere() ? romeoReached : julietReached;
        other.forEach(cid -> assertThat(streamed.candidate().priority()).isGreaterThanOrEqualTo(all.find(c -> c.cid().equals(cid)).get().priority()));
        assertThat(run.activated).isEqualTo(streamed.offeredHere() && streamed.candidate().type().equals("proxy") ? 1 : 0);
    }

    @Provide
    Arbitrary<List<Integer>> schedule() {
        return Arbitraries.integers().between(0, 3).list().ofMinSize(1).ofMaxSize(30);
    }

    /** The two machines, their shells' events, and the stanzas in flight in each direction. */
    private static final class Run {
        private final JingleInitiator.Config config;
        private final Seq<JingleTransport.Candidate> juliets;
        private final Seq<String> reached;
        private JingleInitiator.State initiator;
        private JingleResponder.State responder;
        private final Queue<JingleInitiator.Input> initiatorEvents = new ArrayDeque<>();
        private final Queue<JingleResponder.Input> responderEvents = new ArrayDeque<>();
        private final Queue<Iq> toInitiator = new ArrayDeque<>();
        private final Queue<Iq> toResponder = new ArrayDeque<>();
        private final List<JingleInitiator.Output.StartSocks5> streamed = new ArrayList<>();
        private final List<JingleResponder.Output.ReadSocks5> read = new ArrayList<>();
        private int replaced;
        private int activated;

        Run(JingleInitiator.Config config, Seq<JingleTransport.Candidate> juliets, Seq<String> reached) {
            this.config = config;
            this.juliets = juliets;
            this.reached = reached;
        }

        void start() {
            Step<JingleInitiator.State, JingleInitiator.Output> started = JingleInitiator.step(config, JingleInitiator.initial(config),
                    new JingleInitiator.Input.Start(), FRESH);
            initiator = started.state();
            Iq initiate = ((JingleInitiator.Output.Send) started.outputs().single()).iq().withFrom(Option.some(ROMEO));
            responder = JingleResponder.offer(initiate, JULIET, 4096, FRESH).get().state().get();
            responder(new JingleResponder.Input.Accept(juliets));
        }

        boolean pending() {
            return !initiatorEvents.isEmpty() || !responderEvents.isEmpty() || !toInitiator.isEmpty() || !toResponder.isEmpty();
        }

        /** Runs the queue the schedule picks, or the next non-empty one after it. */
        void next(int pick) {
            for (int k = 0; k < 4; k++) {
                int queue = (pick + k) % 4;
                if (queue == 0 && !initiatorEvents.isEmpty()) {
                    initiator(initiatorEvents.poll());
                    return;
                }
                if (queue == 1 && !responderEvents.isEmpty()) {
                    responder(responderEvents.poll());
                    return;
                }
                if (queue == 2 && !toInitiator.isEmpty()) {
                    initiator(new JingleInitiator.Input.Received(toInitiator.poll()));
                    return;
                }
                if (queue == 3 && !toResponder.isEmpty()) {
                    responder(new JingleResponder.Input.Received(toResponder.poll()));
                    return;
                }
            }
        }

        private void initiator(JingleInitiator.Input input) {
            Step<JingleInitiator.State, JingleInitiator.Output> step = JingleInitiator.step(config, initiator, input, FRESH);
            initiator = step.state();
            for (JingleInitiator.Output output : step.outputs()) {
                if (output instanceof JingleInitiator.Output.Send send && send.iq().type().isRequest()) {
                    replaced += ((Jingle) send.iq().payload().get()).action() == JingleAction.TRANSPORT_REPLACE ? 1 : 0;
                    toResponder.add(send.iq().withFrom(Option.some(ROMEO)));
                } else if (output instanceof JingleInitiator.Output.TryCandidates attempt) {
                    initiatorEvents.add(new JingleInitiator.Input.CandidateOutcome(firstReached(attempt.candidates())));
                } else if (output instanceof JingleInitiator.Output.ConnectAndActivate) {
                    activated++;
                    initiatorEvents.add(new JingleInitiator.Input.Activated());
                } else if (output instanceof JingleInitiator.Output.StartSocks5 start) {
                    streamed.add(start);
                }
            }
        }

        private void responder(JingleResponder.Input input) {
            Step<JingleResponder.State, JingleResponder.Output> step = JingleResponder.step(JULIET, responder, input, FRESH);
            responder = step.state();
            for (JingleResponder.Output output : step.outputs()) {
                if (output instanceof JingleResponder.Output.Send send && send.iq().type().isRequest()) {
                    toInitiator.add(send.iq().withFrom(Option.some(JULIET)));
                } else if (output instanceof JingleResponder.Output.TryCandidates attempt) {
                    responderEvents.add(new JingleResponder.Input.CandidateOutcome(firstReached(attempt.candidates())));
                } else if (output instanceof JingleResponder.Output.ReadSocks5 reading) {
                    read.add(reading);
                }
            }
        }

        /** What the shell's attempts in order come to: the first candidate reached. */
        private Option<String> firstReached(Seq<JingleTransport.Candidate> inOrder) {
            return inOrder.map(JingleTransport.Candidate::cid).find(reached::contains);
        }
    }
}
