package dev.starling.conformance.filetransfer;

import dev.starling.conformance.im.ExampleStanzas;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.ibb.IbbReceiver;
import dev.starling.machine.ibb.IbbSender;
import dev.starling.model.Bytes;
import dev.starling.model.ibb.InBandBytestream;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0047's examples through the two machines: what Juliet's receiver answers to each of Romeo's
 * requests must be the example that follows it, and what Romeo's sender sends must be his
 * examples (ids aside: the sender makes its own, so they are carried over before comparing).
 */
class IbbReplayTest {

    private static final String SPEC = "xep-0047";
    private static final Jid ROMEO = Jid.of("romeo@montague.net/orchard");
    private static final Jid JULIET = Jid.of("juliet@capulet.com/balcony");
    private static final IbbReceiver.Config RECEIVER = new IbbReceiver.Config(ROMEO, "i781hf64", 4096);
    private static final IbbSender.Config SENDER = new IbbSender.Config(JULIET, "i781hf64", 4096, InBandBytestream.Carrier.IQ, 4);
    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(Fresh.MIN_RANDOM_LENGTH));

    @Test
    void julietAcceptsTheOpenOfExample1WithExample2() {
        Step<IbbReceiver.State, IbbReceiver.Output> step = IbbReceiver.receive(RECEIVER, IbbReceiver.State.initial(), example(1), FRESH);
        assertThat(sent(step.outputs())).containsExactly(normalized(example(2)));
        assertThat(step.state().phase()).isEqualTo(IbbReceiver.Phase.OPEN);
        assertThat(step.state().blockSize()).isEqualTo(4096);
    }

    @Test
    void aReceiverThatWantsSmallerBlocksAnswersExample4AndStaysUnopened() {
        IbbReceiver.Config small = new IbbReceiver.Config(ROMEO, "i781hf64", 2048);
        Step<IbbReceiver.State, IbbReceiver.Output> step = IbbReceiver.receive(small, IbbReceiver.State.initial(), example(1), FRESH);
        assertThat(sent(step.outputs())).containsExactly(normalized(example(4)));
        assertThat(step.state().phase()).isEqualTo(IbbReceiver.Phase.AWAITING_OPEN);
    }

    @Test
    void aSecondOpenIsNotAcceptableAsExample5() {
        IbbReceiver.State open = IbbReceiver.receive(RECEIVER, IbbReceiver.State.initial(), example(1), FRESH).state();
        assertThat(sent(IbbReceiver.receive(RECEIVER, open, example(1), FRESH).outputs())).containsExactly(normalized(example(5)));
    }

    @Test
    void theChunkOfExample6IsAcknowledgedAsExample7AndHandedOn() {
        IbbReceiver.State open = IbbReceiver.receive(RECEIVER, IbbReceiver.State.initial(), example(1), FRESH).state();
        Step<IbbReceiver.State, IbbReceiver.Output> step = IbbReceiver.receive(RECEIVER, open, example(6), FRESH);
        assertThat(sent(step.outputs())).containsExactly(normalized(example(7)));
        assertThat(step.outputs()).contains(new IbbReceiver.Output.Received(chunkOf(6)));
        assertThat(step.state().expectedSeq()).isEqualTo(1);
        assertThat(step.state().received()).isEqualTo(chunkOf(6).length());
    }

    @Test
    void theCloseOfExample8IsAcknowledgedAsExample9() {
        IbbReceiver.State open = IbbReceiver.receive(RECEIVER, IbbReceiver.State.initial(), example(1), FRESH).state();
        Step<IbbReceiver.State, IbbReceiver.Output> step = IbbReceiver.receive(RECEIVER, open, example(8), FRESH);
        assertThat(sent(step.outputs())).containsExactly(normalized(example(9)));
        assertThat(step.outputs()).contains(new IbbReceiver.Output.Closed());
        assertThat(step.state().phase()).isEqualTo(IbbReceiver.Phase.CLOSED);
    }

    @Test
    void aCloseOfAnUnknownSessionIsExample10() {
        Step<IbbReceiver.State, IbbReceiver.Output> step = IbbReceiver.receive(RECEIVER, IbbReceiver.State.initial(), example(8), FRESH);
        assertThat(sent(step.outputs())).containsExactly(normalized(example(10)));
    }

    @Test
    void aChunkInAMessageAsExample11IsHandedOnWithoutReply() {
        IbbReceiver.State open = IbbReceiver.receive(RECEIVER, IbbReceiver.State.initial(), example(1), FRESH).state();
        Step<IbbReceiver.State, IbbReceiver.Output> step = IbbReceiver.receive(RECEIVER, open, example(11), FRESH);
        assertThat(sent(step.outputs())).isEmpty();
        assertThat(step.outputs()).containsExactly(new IbbReceiver.Output.Received(chunkOf(11)));
    }

    @Test
    void romeosSenderSendsExamples1_6And8AndEndsOnExample9() {
        Step<IbbSender.State, IbbSender.Output> started = IbbSender.step(SENDER, IbbSender.initial(SENDER), new IbbSender.Input.Start(), FRESH);
        Iq open = (Iq) single(started.outputs());
        assertThat(normalized(open)).isEqualTo(normalized(asSent(example(1), open.iqId())));

        Step<IbbSender.State, IbbSender.Output> accepted = IbbSender.step(SENDER, started.state(),
                new IbbSender.Input.FromPeer((Iq) withId(example(2), open.iqId())), FRESH);
        assertThat(accepted.outputs()).containsExactly(new IbbSender.Output.Read(4096));

        Step<IbbSender.State, IbbSender.Output> chunk = IbbSender.step(SENDER, accepted.state(),
                new IbbSender.Input.Block(chunkOf(6), false), FRESH);
        Iq data = (Iq) sentStanzas(chunk.outputs()).single();
        assertThat(data.payload()).isEqualTo(example(6).children().headOption());
        assertThat(data.to()).contains(JULIET);
        assertThat(chunk.outputs()).hasSize(1); // the window starts at one chunk in flight

        Step<IbbSender.State, IbbSender.Output> acked = IbbSender.step(SENDER, chunk.state(),
                new IbbSender.Input.FromPeer((Iq) withId(example(7), data.iqId())), FRESH);
        assertThat(acked.outputs()).containsExactly(new IbbSender.Output.Progress(chunkOf(6).length()), new IbbSender.Output.Read(4096));
        assertThat(acked.state().window()).isEqualTo(2);

        Step<IbbSender.State, IbbSender.Output> end = IbbSender.step(SENDER, acked.state(), new IbbSender.Input.Block(Bytes.empty(), true), FRESH);
        Iq close = (Iq) single(end.outputs());
        assertThat(normalized(close)).isEqualTo(normalized(asSent(example(8), close.iqId())));

        Step<IbbSender.State, IbbSender.Output> done = IbbSender.step(SENDER, end.state(),
                new IbbSender.Input.FromPeer((Iq) withId(example(9), close.iqId())), FRESH);
        assertThat(done.outputs()).containsExactly(new IbbSender.Output.Done());
        assertThat(done.state().delivered()).isEqualTo(chunkOf(6).length());
    }

    @Test
    void theReceiversCloseAfterTheLastBlockIsAnsweredAndTheLastAcknowledgementEndsTheTransfer() {
        Step<IbbSender.State, IbbSender.Output> started = IbbSender.step(SENDER, IbbSender.initial(SENDER), new IbbSender.Input.Start(), FRESH);
        IbbSender.State open = IbbSender.step(SENDER, started.state(),
                new IbbSender.Input.FromPeer((Iq) withId(example(2), ((Iq) single(started.outputs())).iqId())), FRESH).state();
        Step<IbbSender.State, IbbSender.Output> last = IbbSender.step(SENDER, open, new IbbSender.Input.Block(chunkOf(6), true), FRESH);
        Iq data = (Iq) sentStanzas(last.outputs()).single();
        // Juliet closes (Example 8's close, the other way) before her acknowledgement of the last chunk reaches Romeo
        Iq julietsClose = (Iq) Iq.of(dev.starling.model.stanza.IqType.SET, "juliet-close", new InBandBytestream.Close("i781hf64"))
                .withFrom(Option.some(JULIET)).withTo(Option.some(ROMEO));

        Step<IbbSender.State, IbbSender.Output> closed = IbbSender.step(SENDER, last.state(), new IbbSender.Input.FromPeer(julietsClose), FRESH);
        assertThat(sentStanzas(closed.outputs()).map(st -> ((Iq) st).type())).containsExactly(dev.starling.model.stanza.IqType.RESULT);
        assertThat(closed.outputs()).noneMatch(o -> o instanceof IbbSender.Output.Done || o instanceof IbbSender.Output.Failed);
        assertThat(closed.state().phase()).isEqualTo(IbbSender.Phase.CLOSED_BY_PEER);

        Step<IbbSender.State, IbbSender.Output> acked = IbbSender.step(SENDER, closed.state(),
                new IbbSender.Input.FromPeer((Iq) withId(example(7), data.iqId())), FRESH);
        assertThat(acked.outputs()).containsExactly(new IbbSender.Output.Progress(chunkOf(6).length()), new IbbSender.Output.Done());

        Iq error = (Iq) dev.starling.machine.stanza.StanzaReplies.errorWithoutPayload(data.withFrom(Option.some(ROMEO)).withTo(Option.some(JULIET)),
                dev.starling.model.stanza.StanzaError.of(dev.starling.model.stanza.StanzaErrorType.CANCEL, StanzaErrorCondition.ITEM_NOT_FOUND));
        Step<IbbSender.State, IbbSender.Output> lost = IbbSender.step(SENDER, closed.state(), new IbbSender.Input.FromPeer(error), FRESH);
        assertThat(lost.outputs()).singleElement().isInstanceOf(IbbSender.Output.Failed.class); // no close: the stream is closed

        Step<IbbSender.State, IbbSender.Output> early = IbbSender.step(SENDER, IbbSender.step(SENDER, open,
                new IbbSender.Input.Block(chunkOf(6), false), FRESH).state(), new IbbSender.Input.FromPeer(julietsClose), FRESH);
        assertThat(early.outputs()).last().isInstanceOfSatisfying(IbbSender.Output.Failed.class,
                failed -> assertThat(failed.condition()).isEqualTo(StanzaErrorCondition.GONE)); // a close before the last block
    }

    @Test
    void theReceiversCloseWhileTheShellReadsIsAnsweredAndOnlyTheEndMayFollow() {
        Step<IbbSender.State, IbbSender.Output> started = IbbSender.step(SENDER, IbbSender.initial(SENDER), new IbbSender.Input.Start(), FRESH);
        IbbSender.State open = IbbSender.step(SENDER, started.state(),
                new IbbSender.Input.FromPeer((Iq) withId(example(2), ((Iq) single(started.outputs())).iqId())), FRESH).state();
        Step<IbbSender.State, IbbSender.Output> chunk = IbbSender.step(SENDER, open, new IbbSender.Input.Block(chunkOf(6), false), FRESH);
        Iq data = (Iq) sentStanzas(chunk.outputs()).single();
        Step<IbbSender.State, IbbSender.Output> reading = IbbSender.step(SENDER, chunk.state(),
                new IbbSender.Input.FromPeer((Iq) withId(example(7), data.iqId())), FRESH);
        assertThat(reading.outputs()).last().isEqualTo(new IbbSender.Output.Read(4096)); // the shell now reads: this may be the end
        Iq julietsClose = (Iq) Iq.of(dev.starling.model.stanza.IqType.SET, "juliet-close", new InBandBytestream.Close("i781hf64"))
                .withFrom(Option.some(JULIET)).withTo(Option.some(ROMEO));

        Step<IbbSender.State, IbbSender.Output> closed = IbbSender.step(SENDER, reading.state(), new IbbSender.Input.FromPeer(julietsClose), FRESH);
        assertThat(sentStanzas(closed.outputs()).map(st -> ((Iq) st).type())).containsExactly(dev.starling.model.stanza.IqType.RESULT);
        assertThat(closed.state().phase()).isEqualTo(IbbSender.Phase.CLOSED_BY_PEER);

        Step<IbbSender.State, IbbSender.Output> end = IbbSender.step(SENDER, closed.state(), new IbbSender.Input.Block(Bytes.empty(), true), FRESH);
        assertThat(end.outputs()).containsExactly(new IbbSender.Output.Done()); // no close of our own: the stream is closed
        assertThat(end.state().delivered()).isEqualTo(chunkOf(6).length());

        Step<IbbSender.State, IbbSender.Output> more = IbbSender.step(SENDER, closed.state(), new IbbSender.Input.Block(chunkOf(6), true), FRESH);
        assertThat(more.outputs()).singleElement().isInstanceOfSatisfying(IbbSender.Output.Failed.class,
                failed -> assertThat(failed.condition()).isEqualTo(StanzaErrorCondition.GONE)); // bytes the receiver will never take
    }

    @Test
    void example3EndsTheSenderAndExample4MakesItAskForHalfTheBlockSize() {
        Step<IbbSender.State, IbbSender.Output> started = IbbSender.step(SENDER, IbbSender.initial(SENDER), new IbbSender.Input.Start(), FRESH);
        String id = ((Iq) single(started.outputs())).iqId();

        Step<IbbSender.State, IbbSender.Output> refused = IbbSender.step(SENDER, started.state(),
                new IbbSender.Input.FromPeer((Iq) withId(example(3), id)), FRESH);
        assertThat(refused.outputs()).singleElement().isInstanceOfSatisfying(IbbSender.Output.Failed.class,
                failed -> assertThat(failed.condition()).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE));

        Step<IbbSender.State, IbbSender.Output> smaller = IbbSender.step(SENDER, started.state(),
                new IbbSender.Input.FromPeer((Iq) withId(example(4), id)), FRESH);
        Iq again = (Iq) single(smaller.outputs());
        assertThat(again.payload()).contains(new InBandBytestream.Open(2048, "i781hf64", InBandBytestream.Carrier.IQ));
    }

    private static Stanza example(int number) {
        return ExampleStanzas.stanzas(SPEC, number).single();
    }

    private static Stanza withId(Stanza stanza, String id) {
        return stanza.withId(Option.some(id));
    }

    /** The example as the sender's machine writes it: its own id, and no 'from' (the sender's server stamps it). */
    private static Stanza asSent(Stanza stanza, String id) {
        return stanza.withId(Option.some(id)).withFrom(Option.none());
    }

    private static Bytes chunkOf(int example) {
        return example(example).children().filter(InBandBytestream.Data.class::isInstance)
                .map(c -> ((InBandBytestream.Data) c).bytes()).single();
    }

    private static dev.starling.model.element.Element normalized(Stanza stanza) {
        return ExampleStanzas.normalized(stanza);
    }

    private static Seq<dev.starling.model.element.Element> sent(Seq<IbbReceiver.Output> outputs) {
        return outputs.filter(IbbReceiver.Output.Send.class::isInstance)
                .map(o -> normalized(((IbbReceiver.Output.Send) o).stanza()));
    }

    private static Seq<Stanza> sentStanzas(Seq<IbbSender.Output> outputs) {
        return IbbSender.stanzas(outputs);
    }

    private static Stanza single(Seq<IbbSender.Output> outputs) {
        return ((IbbSender.Output.Send) Array.ofAll(outputs).single()).stanza();
    }
}
