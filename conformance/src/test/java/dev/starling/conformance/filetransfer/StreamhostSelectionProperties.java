package dev.starling.conformance.filetransfer;

import dev.starling.machine.bytestreams.StreamhostSelection;
import dev.starling.machine.core.Step;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target's streamhost selection (XEP-0065 §5.3.2) over random outcomes: hosts are tried one at
 * a time in the offer's order; the host used is the first that connected while it was being
 * tried, and the answer names it; a success reported for a host already given up on is
 * abandoned, never used; when no host connects, the answer is {@code item-not-found}.
 */
class StreamhostSelectionProperties {

    private static final Jid REQUESTER = Jid.of("requester@example.com/foo");
    private static final Jid TARGET = Jid.of("target@example.org/bar");
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    enum Outcome { CONNECTS, FAILS, TIMES_OUT }

    @Property(tries = 500)
    void triesHostsInOrderAndUsesOnlyAConfirmedOne(@ForAll("outcomes") List<Outcome> outcomes, @ForAll Random shell) {
        Array<Streamhost> hosts = Array.range(0, outcomes.size())
                .map(i -> new Streamhost(Jid.of("proxy" + i + ".example.com"), "10.0.0." + (i + 1), 7777));
        Iq offer = new Iq(IqType.SET, "o1", Option.some(REQUESTER), Option.some(TARGET), Option.none(),
                Array.of(BytestreamQuery.offer("sid1", hosts)));
        Step<StreamhostSelection.State, StreamhostSelection.Output> step = StreamhostSelection.start(offer, TARGET, TIMEOUT);
        StreamhostSelection.State state = step.state();
        List<StreamhostSelection.Output> all = new ArrayList<>(step.outputs().toJavaList());
        List<Integer> tried = new ArrayList<>();
        for (int guard = 0; guard < 100; guard++) {
            Option<StreamhostSelection.Output.Connect> connect = Array.ofAll(step.outputs())
                    .filter(StreamhostSelection.Output.Connect.class::isInstance).map(StreamhostSelection.Output.Connect.class::cast).headOption();
            if (connect.isEmpty()) {
                break;
            }
            int index = connect.get().index();
            tried.add(index);
            if (index > 0 && shell.nextBoolean()) { // a late success of a host given up on
                Step<StreamhostSelection.State, StreamhostSelection.Output> late = StreamhostSelection.step(state,
                        new StreamhostSelection.Input.Connected(shell.nextInt(index)), TIMEOUT);
                assertThat(late.outputs()).singleElement().isInstanceOf(StreamhostSelection.Output.Abandon.class);
                state = late.state();
            }
            StreamhostSelection.Input input = switch (outcomes.get(index)) {
                case CONNECTS -> new StreamhostSelection.Input.Connected(index);
                case FAILS -> new StreamhostSelection.Input.ConnectFailed(index);
                case TIMES_OUT -> new StreamhostSelection.Input.TimedOut(index);
            };
            step = StreamhostSelection.step(state, input, TIMEOUT);
            state = step.state();
            all.addAll(step.outputs().toJavaList());
        }
        int firstSuccess = outcomes.indexOf(Outcome.CONNECTS);
        List<Integer> expectedTries = Array.range(0, firstSuccess < 0 ? outcomes.size() : firstSuccess + 1).toJavaList();
        assertThat(tried).isEqualTo(expectedTries);
        List<StreamhostSelection.Output.Ready> ready = all.stream().filter(StreamhostSelection.Output.Ready.class::isInstance)
                .map(StreamhostSelection.Output.Ready.class::cast).toList();
        List<Iq> answers = all.stream().filter(StreamhostSelection.Output.Send.class::isInstance)
                .map(o -> ((StreamhostSelection.Output.Send) o).iq()).toList();
        assertThat(answers).hasSize(1);
        if (firstSuccess < 0) {
            assertThat(ready).isEmpty();
            assertThat(answers.get(0).error().map(e -> e.condition())).contains(StanzaErrorCondition.ITEM_NOT_FOUND);
        } else {
            assertThat(ready).containsExactly(new StreamhostSelection.Output.Ready(firstSuccess, hosts.get(firstSuccess)));
            assertThat(answers.get(0).payload()).contains(BytestreamQuery.used("sid1", hosts.get(firstSuccess).jid()));
        }
    }

    @Provide
    Arbitrary<List<Outcome>> outcomes() {
        return Arbitraries.of(Outcome.class).list().ofMinSize(1).ofMaxSize(6);
    }
}
