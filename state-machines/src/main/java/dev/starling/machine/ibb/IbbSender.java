package dev.starling.machine.ibb;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.Bytes;
import dev.starling.model.ibb.InBandBytestream;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The sending side of one XEP-0047 in-band bytestream: it opens the stream, asks the shell for
 * the bytes to send one block at a time, numbers the chunks (§2.2: from 0, wrapping after 65535),
 * and closes the stream once every chunk is acknowledged (§2.3).
 *
 * <p><b>Window.</b> §2.2 lets a sender go on without waiting for each acknowledgement. The machine
 * keeps at most a window of unacknowledged chunks in flight. The window is adaptive: it starts at
 * one chunk and grows by one with each acknowledgement, up to {@link Config#maxWindow()}, so a
 * slow receiver or server never sees more than it has shown it can take. Chunks sent in messages
 * (§4) get no acknowledgement and count as delivered when sent.
 *
 * <p><b>Errors.</b> A {@code resource-constraint} answer to the open (§2.1, the responder prefers
 * smaller chunks) makes the machine ask again with half the block size, down to
 * {@link #MIN_BLOCK_SIZE}. Any error on a chunk ends the transfer: the sender closes the stream as
 * §2.2 requires. A close from the peer before the end also ends it.
 *
 * <p><b>The receiver's close.</b> Either party may close (§2.3; XEP-0261 §2.6 has whichever party
 * is finished send it). A receiver that knows the size closes once it has every byte, and its
 * acknowledgement of the last chunks may reach us after its close: Smack 4.4 acknowledges on
 * another thread than the one its application closes on. A close that comes once the last block
 * is sent, or while the shell reads a block that may be the end, is therefore acknowledged and the
 * chunks still in flight are awaited ({@link Phase#CLOSED_BY_PEER}): their acknowledgements end
 * the transfer as done, an error on one as failed, and a block with more bytes fails it. A close
 * while more blocks are known to follow fails the transfer at once.
 */
public final class IbbSender {

    /** The smallest block size the sender falls back to. */
    public static final int MIN_BLOCK_SIZE = 256;

    private IbbSender() {
    }

    /**
     * How to send.
     *
     * @param peer      the receiver's full JID
     * @param sid       the session id
     * @param blockSize the block size to ask for (XEP-0047 §6 recommends 4096)
     * @param carrier   IQs (acknowledged) or messages
     * @param maxWindow the most chunks in flight, at least 1
     */
    public record Config(Jid peer, String sid, int blockSize, InBandBytestream.Carrier carrier, int maxWindow) {
        public Config {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(sid, "sid");
            Objects.requireNonNull(carrier, "carrier");
            if (blockSize < 1 || blockSize > InBandBytestream.MAX_UNSIGNED_16) {
                throw new IllegalArgumentException("blockSize is 1 to 65535: " + blockSize);
            }
            if (maxWindow < 1) {
                throw new IllegalArgumentException("maxWindow is at least 1: " + maxWindow);
            }
        }
    }

    /** Where the transfer is. */
    public enum Phase {
        /** The open is on its way. */
        OPENING,
        /** Sending chunks. */
        OPEN,
        /** Every chunk acknowledged; the close is on its way. */
        CLOSING,
        /** Every chunk sent and the peer closed the stream: the acknowledgements still in flight are awaited. */
        CLOSED_BY_PEER,
        /** Done: the receiver has every byte. */
        DONE,
        /** Ended without delivering every byte. */
        FAILED
    }

    /**
     * The sender's state.
     *
     * @param phase       where the transfer is
     * @param blockSize   the block size asked for or agreed
     * @param nextSeq     the 'seq' of the next chunk
     * @param window      how many chunks may be in flight now
     * @param inFlight    unacknowledged chunks: IQ id to length
     * @param reading     whether the shell is reading the next block
     * @param endOfInput  whether the shell has read the last block
     * @param sent        bytes sent
     * @param delivered   bytes acknowledged (or sent in messages)
     * @param pendingId   the id of the open or close on its way
     */
    public record State(Phase phase, int blockSize, int nextSeq, int window, Map<String, Integer> inFlight, boolean reading,
                        boolean endOfInput, long sent, long delivered, String pendingId) {

        /** Whether the transfer has ended, either way. */
        public boolean ended() {
            return phase == Phase.DONE || phase == Phase.FAILED;
        }
    }

    /** What the shell feeds the machine. */
    public sealed interface Input {

        /** Begin: send the open. */
        record Start() implements Input {
        }

        /**
         * The next block the shell read, at most the block size; {@code last} when the input has no more.
         *
         * @param bytes the block (empty only when {@code last})
         * @param last  whether this is the end of the input
         */
        record Block(Bytes bytes, boolean last) implements Input {
        }

        /**
         * An IQ from the peer: the answer to the open, a chunk or the close, or the peer's close.
         *
         * @param iq the IQ
         */
        record FromPeer(Iq iq) implements Input {
        }

        /** The application gives up: the stream is closed (§2.3) unless the peer closed it already, and nothing more is sent. */
        record Cancel() implements Input {
        }
    }

    /** What the shell does. */
    public sealed interface Output {

        /**
         * Send this stanza.
         *
         * @param stanza the stanza
         */
        record Send(dev.starling.model.stanza.Stanza stanza) implements Output {
        }

        /**
         * Read the next block of at most this many bytes and feed it as {@link Input.Block}.
         *
         * @param maxBytes the most to read
         */
        record Read(int maxBytes) implements Output {
        }

        /**
         * Bytes delivered so far.
         *
         * @param delivered bytes acknowledged by the receiver
         */
        record Progress(long delivered) implements Output {
        }

        /** The receiver has every byte and the stream is closed. */
        record Done() implements Output {
        }

        /**
         * The transfer ended without delivering every byte.
         *
         * @param condition the stanza error that ended it
         * @param reason    what happened
         */
        record Failed(StanzaErrorCondition condition, String reason) implements Output {
        }
    }

    /** Before the start. */
    public static State initial(Config config) {
        return new State(Phase.OPENING, config.blockSize(), 0, 1, HashMap.empty(), false, false, 0, 0, "");
    }

    /** Feeds one input. */
    public static Step<State, Output> step(Config config, State state, Input input, Fresh fresh) {
        if (state.ended()) {
            return Step.of(state);
        }
        if (input instanceof Input.Start) {
            return open(config, state, state.blockSize(), fresh);
        }
        if (input instanceof Input.Block block) {
            return block(config, state, block, fresh);
        }
        if (input instanceof Input.Cancel) {
            Step<State, Output> cancelled = failed(state, StanzaErrorCondition.UNDEFINED_CONDITION, "cancelled after " + state.delivered() + " bytes");
            return state.phase() == Phase.CLOSED_BY_PEER || state.phase() == Phase.CLOSING ? cancelled
                    : cancelled.precededBy(new Output.Send(request(config, "ibb-close-" + fresh.token(3, 12), new InBandBytestream.Close(config.sid()))));
        }
        return fromPeer(config, state, ((Input.FromPeer) input).iq(), fresh);
    }

    private static Step<State, Output> open(Config config, State state, int blockSize, Fresh fresh) {
        String id = "ibb-open-" + fresh.token(0, 12);
        Iq open = request(config, id, new InBandBytestream.Open(blockSize, config.sid(), config.carrier()));
        return Step.of(new State(Phase.OPENING, blockSize, 0, 1, HashMap.empty(), false, false, 0, 0, id), new Output.Send(open));
    }

    private static Step<State, Output> block(Config config, State state, Input.Block block, Fresh fresh) {
        if (state.phase() != Phase.OPEN && state.phase() != Phase.CLOSED_BY_PEER || !state.reading()) {
            return Step.of(state);
        }
        if (state.phase() == Phase.CLOSED_BY_PEER) { // the peer closed while this block was read: only the end may follow
            if (!block.bytes().isEmpty() || !block.last()) {
                return failed(state, StanzaErrorCondition.GONE, "the receiver closed the bytestream after " + state.delivered() + " bytes");
            }
            return proceed(config, new State(Phase.CLOSED_BY_PEER, state.blockSize(), state.nextSeq(), state.window(), state.inFlight(),
                    false, true, state.sent(), state.delivered(), ""), fresh);
        }
        if (block.bytes().length() > state.blockSize()) {
            throw new IllegalArgumentException("the shell read " + block.bytes().length() + " bytes for a block of " + state.blockSize());
        }
        State next = state;
        Array<Output> outputs = Array.empty();
        if (!block.bytes().isEmpty()) {
            InBandBytestream.Data data = new InBandBytestream.Data(state.nextSeq(), config.sid(), block.bytes());
            String id = "ibb-" + state.nextSeq() + "-" + fresh.token(1, 12);
            boolean acknowledged = config.carrier() == InBandBytestream.Carrier.IQ;
            long delivered = acknowledged ? state.delivered() : state.delivered() + block.bytes().length();
            next = new State(Phase.OPEN, state.blockSize(), InBandBytestream.next(state.nextSeq()), state.window(),
                    acknowledged ? state.inFlight().put(id, block.bytes().length()) : state.inFlight(), false, block.last(),
                    state.sent() + block.bytes().length(), delivered, state.pendingId());
            outputs = outputs.append(new Output.Send(acknowledged ? request(config, id, data)
                    : Message.empty().withId(Option.some(id)).withTo(Option.some(config.peer())).withChild(data)));
            if (!acknowledged) {
                outputs = outputs.append(new Output.Progress(delivered));
            }
        } else {
            next = new State(Phase.OPEN, state.blockSize(), state.nextSeq(), state.window(), state.inFlight(), false, block.last(),
                    state.sent(), state.delivered(), state.pendingId());
        }
        Step<State, Output> more = proceed(config, next, fresh);
        return Step.of(more.state(), outputs.appendAll(more.outputs()));
    }

    /** Asks for the next block while the window allows, or closes once everything is acknowledged. */
    private static Step<State, Output> proceed(Config config, State state, Fresh fresh) {
        if (state.endOfInput()) {
            if (!state.inFlight().isEmpty()) {
                return Step.of(state);
            }
            if (state.phase() == Phase.CLOSED_BY_PEER) {
                return Step.of(new State(Phase.DONE, state.blockSize(), state.nextSeq(), state.window(), state.inFlight(), false, true,
                        state.sent(), state.delivered(), ""), new Output.Done());
            }
            String id = "ibb-close-" + fresh.token(2, 12);
            return Step.of(new State(Phase.CLOSING, state.blockSize(), state.nextSeq(), state.window(), state.inFlight(), false, true,
                    state.sent(), state.delivered(), id), new Output.Send(request(config, id, new InBandBytestream.Close(config.sid()))));
        }
        if (state.reading() || state.inFlight().size() >= state.window()) {
            return Step.of(state);
        }
        return Step.of(new State(state.phase(), state.blockSize(), state.nextSeq(), state.window(), state.inFlight(), true, false,
                state.sent(), state.delivered(), state.pendingId()), new Output.Read(state.blockSize()));
    }

    private static Step<State, Output> fromPeer(Config config, State state, Iq iq, Fresh fresh) {
        if (iq.type() == IqType.SET) {
            return peerRequest(config, state, iq);
        }
        if (iq.type() == IqType.GET) {
            return Step.of(state);
        }
        boolean error = iq.type() == IqType.ERROR;
        StanzaErrorCondition condition = iq.error().map(e -> e.condition()).getOrElse(StanzaErrorCondition.UNDEFINED_CONDITION);
        if (iq.iqId().equals(state.pendingId()) && state.phase() == Phase.OPENING) {
            if (!error) {
                return proceed(config, new State(Phase.OPEN, state.blockSize(), 0, 1, HashMap.empty(), false, false, 0, 0, ""), fresh);
            }
            if (condition == StanzaErrorCondition.RESOURCE_CONSTRAINT && state.blockSize() / 2 >= MIN_BLOCK_SIZE) {
                return open(config, state, state.blockSize() / 2, fresh);
            }
            return failed(state, condition, "the receiver refused the bytestream: " + condition.wireName());
        }
        if (iq.iqId().equals(state.pendingId()) && state.phase() == Phase.CLOSING) {
            return Step.of(new State(Phase.DONE, state.blockSize(), state.nextSeq(), state.window(), state.inFlight(), false, true,
                    state.sent(), state.delivered(), ""), new Output.Done());
        }
        Option<Integer> length = state.inFlight().get(iq.iqId());
        if (length.isEmpty()) {
            return Step.of(state);
        }
        if (error) {
            Step<State, Output> failed = failed(state, condition, "the receiver refused a chunk: " + condition.wireName());
            if (state.phase() == Phase.CLOSED_BY_PEER) {
                return failed; // the stream is closed already
            }
            String id = "ibb-close-" + fresh.token(2, 12);
            return failed.precededBy(new Output.Send(request(config, id, new InBandBytestream.Close(config.sid()))));
        }
        long delivered = state.delivered() + length.get();
        State acked = new State(state.phase(), state.blockSize(), state.nextSeq(), Math.min(config.maxWindow(), state.window() + 1),
                state.inFlight().remove(iq.iqId()), state.reading(), state.endOfInput(), state.sent(), delivered, state.pendingId());
        return proceed(config, acked, fresh).precededBy(new Output.Progress(delivered));
    }

    /** The peer's close (or anything else it asks under this session) while sending. */
    private static Step<State, Output> peerRequest(Config config, State state, Iq iq) {
        boolean close = iq.payload().exists(p -> p instanceof InBandBytestream.Close c && c.sid().equals(config.sid()));
        if (!close) {
            return Step.of(state);
        }
        Output ack = new Output.Send(StanzaReplies.result(iq));
        if (state.phase() == Phase.CLOSING) {
            return Step.of(new State(Phase.DONE, state.blockSize(), state.nextSeq(), state.window(), state.inFlight(), false, true,
                    state.sent(), state.delivered(), ""), ack, new Output.Done());
        }
        if (state.phase() == Phase.OPEN && (state.endOfInput() || state.reading())) {
            // every block sent, or the one being read may be the end: await it and the acknowledgements in flight
            return Step.of(new State(Phase.CLOSED_BY_PEER, state.blockSize(), state.nextSeq(), state.window(), state.inFlight(),
                    state.reading(), state.endOfInput(), state.sent(), state.delivered(), ""), ack);
        }
        return failed(state, StanzaErrorCondition.GONE, "the receiver closed the bytestream after " + state.delivered() + " bytes")
                .precededBy(ack);
    }

    private static Step<State, Output> failed(State state, StanzaErrorCondition condition, String reason) {
        return Step.of(new State(Phase.FAILED, state.blockSize(), state.nextSeq(), state.window(), state.inFlight(), false,
                state.endOfInput(), state.sent(), state.delivered(), ""), new Output.Failed(condition, reason));
    }

    private static Iq request(Config config, String id, InBandBytestream payload) {
        return new Iq(IqType.SET, id, Option.none(), Option.some(config.peer()), Option.none(), Array.of(payload));
    }

    /** The outputs' stanzas, for tests and logs. */
    public static Seq<dev.starling.model.stanza.Stanza> stanzas(Seq<Output> outputs) {
        return outputs.filter(Output.Send.class::isInstance).map(o -> ((Output.Send) o).stanza());
    }
}
