package dev.starling.conformance.filetransfer;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.ibb.IbbReceiver;
import dev.starling.machine.ibb.IbbSender;
import dev.starling.model.Bytes;
import dev.starling.model.ibb.InBandBytestream;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0047 as properties of the two machines talking to each other: whatever the bytes, block
 * size, window and carrier, and whatever order the acknowledgements come back in, the receiver
 * hands on exactly the bytes sent and both sides end cleanly; a chunk out of sequence, a gap or
 * a duplicate, always ends the stream with {@code unexpected-request} and nothing after it is
 * handed on; the sequence number wraps after 65535.
 */
class IbbProperties {

    private static final Jid ROMEO = Jid.of("romeo@montague.net/orchard");
    private static final Jid JULIET = Jid.of("juliet@capulet.com/balcony");
    private static final String SID = "s1";
    private static final String JULIETS_CLOSE = "juliet-close";
    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(Fresh.MIN_RANDOM_LENGTH));

    @Property(tries = 200)
    void theReceiverHandsOnExactlyTheBytesSent(@ForAll("payloads") byte[] payload, @ForAll @IntRange(min = 16, max = 9000) int blockSize,
                                              @ForAll @IntRange(min = 1, max = 16) int maxWindow, @ForAll boolean inMessages,
                                              @ForAll boolean receiverCloses, @ForAll Random network) {
        transfer(payload, blockSize, maxWindow, inMessages, receiverCloses && !inMessages, network);
    }

    @Example
    void aFourMebibyteFileInBlocksOf4096() {
        transfer(noise(4 << 20), 4096, 8, false, false, new Random(4));
    }

    /**
     * One transfer over a random interleaving. With {@code receiverCloses} the receiver also closes
     * the stream itself once it has every byte (§2.3 lets either party close), and its close may
     * overtake its acknowledgements of the last chunks, since answers reach the sender in any order.
     * It closes only after a chunk: a close of an empty transfer could otherwise overtake the answer
     * to the open, and a sender still opening rightly fails on it.
     */
    private static void transfer(byte[] payload, int blockSize, int maxWindow, boolean inMessages, boolean receiverCloses, Random network) {
        InBandBytestream.Carrier carrier = inMessages ? InBandBytestream.Carrier.MESSAGE : InBandBytestream.Carrier.IQ;
        IbbSender.Config senderConfig = new IbbSender.Config(JULIET, SID, blockSize, carrier, maxWindow);
        IbbReceiver.Config receiverConfig = new IbbReceiver.Config(ROMEO, SID, 65535);
        IbbSender.State sender = IbbSender.initial(senderConfig);
        IbbReceiver.State receiver = IbbReceiver.State.initial();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        ArrayDeque<Stanza> toJuliet = new ArrayDeque<>();           // one stream path: in order
        List<Iq> toRomeo = new ArrayList<>();                       // answers: in any order
        ArrayDeque<IbbSender.Input> shell = new ArrayDeque<>();
        shell.add(new IbbSender.Input.Start());
        int offset = 0;
        boolean julietClosed = false;
        for (int steps = 0; steps < 1_000_000 && !(shell.isEmpty() && toJuliet.isEmpty() && toRomeo.isEmpty()); steps++) {
            int pick = network.nextInt(3);
            if (pick == 0 && !shell.isEmpty() || toJuliet.isEmpty() && toRomeo.isEmpty()) {
                Step<IbbSender.State, IbbSender.Output> step = IbbSender.step(senderConfig, sender, shell.poll(), FRESH);
                sender = step.state();
                for (IbbSender.Output output : step.outputs()) {
                    if (output instanceof IbbSender.Output.Send send) {
                        toJuliet.add(send.stanza().withFrom(Option.some(ROMEO)));
                    } else if (output instanceof IbbSender.Output.Read read) {
                        int length = Math.min(read.maxBytes(), payload.length - offset);
                        shell.add(new IbbSender.Input.Block(Bytes.of(Arrays.copyOfRange(payload, offset, offset + length)),
                                offset + length == payload.length));
                        offset += length;
                    }
                }
            } else if (pick == 1 && !toJuliet.isEmpty() || toRomeo.isEmpty()) {
                Stanza next = toJuliet.poll();
                if (next instanceof Iq answer && answer.iqId().equals(JULIETS_CLOSE)) {
                    continue; // the sender's answer to the receiver's own close
                }
                Step<IbbReceiver.State, IbbReceiver.Output> step = IbbReceiver.receive(receiverConfig, receiver, next, FRESH);
                receiver = step.state();
                for (IbbReceiver.Output output : step.outputs()) {
                    if (output instanceof IbbReceiver.Output.Send send) {
                        toRomeo.add((Iq) send.stanza());
                    } else if (output instanceof IbbReceiver.Output.Received chunk) {
                        received.writeBytes(chunk.bytes().toArray());
                    }
                }
                if (receiverCloses && !julietClosed && payload.length > 0 && received.size() == payload.length && receiver.phase() == IbbReceiver.Phase.OPEN) {
                    julietClosed = true;
                    toRomeo.add((Iq) Iq.of(IqType.SET, JULIETS_CLOSE, new InBandBytestream.Close(SID)).withFrom(Option.some(JULIET))
                            .withTo(Option.some(ROMEO)));
                }
            } else {
                shell.add(new IbbSender.Input.FromPeer(toRomeo.remove(network.nextInt(toRomeo.size()))));
            }
        }
        assertThat(received.toByteArray()).isEqualTo(payload);
        assertThat(sender.phase()).isEqualTo(IbbSender.Phase.DONE);
        assertThat(sender.delivered()).isEqualTo(payload.length);
        if (!julietClosed) {
            assertThat(receiver.phase()).isEqualTo(IbbReceiver.Phase.CLOSED);
        }
    }

    @Property(tries = 300)
    void aChunkOutOfSequenceEndsTheStreamWithUnexpectedRequest(@ForAll @IntRange(min = 1, max = 40) int good,
                                                                @ForAll @IntRange(min = -1, max = 500) int jump,
                                                                @ForAll @IntRange(min = 0, max = 5) int after) {
        if (jump == 0) {
            jump = 1; // 0 would be the right number; -1 repeats the last one, anything else skips
        }
        IbbReceiver.Config config = new IbbReceiver.Config(ROMEO, SID, 4096);
        IbbReceiver.State state = IbbReceiver.receive(config, IbbReceiver.State.initial(),
                set("open", new InBandBytestream.Open(4096, SID, InBandBytestream.Carrier.IQ)), FRESH).state();
        int handedOn = 0;
        for (int seq = 0; seq < good; seq++) {
            Step<IbbReceiver.State, IbbReceiver.Output> step = IbbReceiver.receive(config, state, chunk(seq), FRESH);
            handedOn += step.outputs().count(IbbReceiver.Output.Received.class::isInstance);
            state = step.state();
        }
        int wrong = good - 1 + (jump == -1 ? 0 : 1 + jump);
        Step<IbbReceiver.State, IbbReceiver.Output> step = IbbReceiver.receive(config, state, chunk(wrong & 0xFFFF), FRESH);
        assertThat(step.outputs()).noneMatch(IbbReceiver.Output.Received.class::isInstance);
        assertThat(step.outputs()).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(IbbReceiver.Output.Send.class, send ->
                assertThat(send.stanza().error().map(e -> e.condition())).contains(StanzaErrorCondition.UNEXPECTED_REQUEST)));
        assertThat(step.outputs()).anySatisfy(o -> assertThat(o).isInstanceOfSatisfying(IbbReceiver.Output.Send.class, send ->
                assertThat(send.stanza().children()).containsExactly(new InBandBytestream.Close(SID))));
        assertThat(step.outputs()).anySatisfy(o -> assertThat(o).isInstanceOf(IbbReceiver.Output.Failed.class));
        state = step.state();
        for (int i = 1; i <= after; i++) {
            Step<IbbReceiver.State, IbbReceiver.Output> later = IbbReceiver.receive(config, state, chunk((wrong + i) & 0xFFFF), FRESH);
            assertThat(later.outputs()).noneMatch(IbbReceiver.Output.Received.class::isInstance);
            state = later.state();
        }
        assertThat(handedOn).isEqualTo(good);
        assertThat(state.phase()).isEqualTo(IbbReceiver.Phase.FAILED);
    }

    @Example
    void theSequenceNumberWrapsAfter65535() {
        IbbReceiver.Config config = new IbbReceiver.Config(ROMEO, SID, 4096);
        IbbReceiver.State state = IbbReceiver.receive(config, IbbReceiver.State.initial(),
                set("open", new InBandBytestream.Open(4096, SID, InBandBytestream.Carrier.IQ)), FRESH).state();
        for (int i = 0; i < 65_538; i++) {
            state = IbbReceiver.receive(config, state, chunk(i & 0xFFFF), FRESH).state();
        }
        assertThat(state.phase()).isEqualTo(IbbReceiver.Phase.OPEN);
        assertThat(state.expectedSeq()).isEqualTo(2);
        assertThat(state.received()).isEqualTo(65_538);
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new byte[0])),
                net.jqwik.api.Tuple.of(6, Arbitraries.bytes().array(byte[].class).ofMaxSize(20_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(100_000, 300_000).map(IbbProperties::noise)));
    }

    private static byte[] noise(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static Stanza chunk(int seq) {
        return set("data-" + seq, new InBandBytestream.Data(seq, SID, Bytes.of(new byte[]{(byte) seq})));
    }

    private static Stanza set(String id, InBandBytestream payload) {
        return new Iq(IqType.SET, id, Option.some(ROMEO), Option.some(JULIET), Option.none(), Array.of(payload));
    }
}
