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
import dev.starling.model.stanza.MessageType;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.StanzaErrorType;
import io.vavr.collection.Array;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The receiving side of one XEP-0047 in-band bytestream, expected from one peer under one session
 * id (negotiated beforehand, e.g. by XEP-0095 stream initiation):
 *
 * <ul>
 *   <li>§2.1: an {@code <open/>} with a block size above {@link Config#maxBlockSize()} gets
 *       {@code resource-constraint} (type modify, as Example 4) and the stream stays unopened, so the
 *       initiator can ask again with smaller blocks; a second open gets {@code not-acceptable}.</li>
 *   <li>§2.2: each chunk must carry the next 'seq' (0 to 65535, then 0 again). A chunk out of
 *       sequence, a gap or a duplicate, is not processed: it gets {@code unexpected-request}, and the
 *       receiver closes the bytestream (the spec's answer for a used number, and its rule for a lost
 *       chunk). A chunk larger than the block size gets {@code bad-request} and a close.</li>
 *   <li>§2.2: a chunk for an unknown or unopened session gets {@code item-not-found}.</li>
 *   <li>§2.3: a close of the open stream is acknowledged and ends it; a close of anything else gets
 *       {@code item-not-found}.</li>
 *   <li>§4: chunks may come in messages; those get no acknowledgement, and errors go back as
 *       message errors.</li>
 *   <li>§2.3: this side may close too ({@link #abort}), when it gives up on the stream.</li>
 * </ul>
 *
 * Invalid base64 never reaches the machine: the codec refuses it with {@code bad-request}.
 */
public final class IbbReceiver {

    private IbbReceiver() {
    }

    /**
     * What the receiver accepts.
     *
     * @param peer         the initiator's full JID
     * @param sid          the session id
     * @param maxBlockSize the largest block size accepted, 1 to 65535
     */
    public record Config(Jid peer, String sid, int maxBlockSize) {
        public Config {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(sid, "sid");
            if (maxBlockSize < 1 || maxBlockSize > InBandBytestream.MAX_UNSIGNED_16) {
                throw new IllegalArgumentException("maxBlockSize is 1 to 65535: " + maxBlockSize);
            }
        }
    }

    /** Where the bytestream is. */
    public enum Phase {
        /** Waiting for the initiator's open. */
        AWAITING_OPEN,
        /** Receiving chunks. */
        OPEN,
        /** Closed by the peer after its last chunk. */
        CLOSED,
        /** Closed by this side after a bad chunk. */
        FAILED
    }

    /**
     * The receiver's state.
     *
     * @param phase       where the bytestream is
     * @param blockSize   the negotiated block size (0 until opened)
     * @param expectedSeq the 'seq' the next chunk must carry
     * @param received    bytes received and handed on so far
     */
    public record State(Phase phase, int blockSize, int expectedSeq, long received) {

        /** Before the open. */
        public static State initial() {
            return new State(Phase.AWAITING_OPEN, 0, 0, 0);
        }

        /** Whether the bytestream has ended, either way. */
        public boolean ended() {
            return phase == Phase.CLOSED || phase == Phase.FAILED;
        }
    }

    /** What the shell does. */
    public sealed interface Output {

        /**
         * Send this stanza (an acknowledgement, an error or a close).
         *
         * @param stanza the stanza
         */
        record Send(Stanza stanza) implements Output {
        }

        /**
         * The next chunk of the stream, in order: write it.
         *
         * @param bytes the chunk
         */
        record Received(Bytes bytes) implements Output {
        }

        /** The peer closed the bytestream: everything it sent has been received. */
        record Closed() implements Output {
        }

        /**
         * This side closed the bytestream after a bad chunk.
         *
         * @param condition the error the chunk got
         * @param reason    what was wrong
         */
        record Failed(StanzaErrorCondition condition, String reason) implements Output {
        }
    }

    /**
     * Feeds a stanza from the peer that carries an IBB element: an IQ set with open, data or
     * close, or a message with data.
     */
    public static Step<State, Output> receive(Config config, State state, Stanza stanza, Fresh fresh) {
        Option<InBandBytestream> element = Array.ofAll(stanza.children()).filter(InBandBytestream.class::isInstance)
                .map(InBandBytestream.class::cast).headOption();
        boolean request = stanza instanceof Iq iq ? iq.type() == IqType.SET
                : stanza instanceof Message message && message.effectiveType() != MessageType.ERROR;
        if (element.isEmpty() || !request) {
            return Step.of(state);
        }
        InBandBytestream ibb = element.get();
        boolean ours = ibb.sid().equals(config.sid()) && stanza.from().contains(config.peer());
        if (ibb instanceof InBandBytestream.Open open) {
            return open(config, state, stanza, open, ours);
        }
        if (ibb instanceof InBandBytestream.Close) {
            if (!ours || state.phase() != Phase.OPEN) {
                return Step.of(state, reply(stanza, StanzaErrorType.CANCEL, StanzaErrorCondition.ITEM_NOT_FOUND));
            }
            return Step.of(new State(Phase.CLOSED, state.blockSize(), state.expectedSeq(), state.received()),
                    new Output.Send(StanzaReplies.result((Iq) stanza)), new Output.Closed());
        }
        return data(config, state, stanza, (InBandBytestream.Data) ibb, ours, fresh);
    }

    /**
     * This side gives up on the bytestream (the application cancels, or what arrived cannot be
     * kept): an open stream is closed (§2.3, either party may close), and any chunk or open that
     * comes later is refused; before the open, or once ended, nothing is sent.
     */
    public static Step<State, Output> abort(Config config, State state, Fresh fresh) {
        if (state.ended()) {
            return Step.of(state);
        }
        State failed = new State(Phase.FAILED, state.blockSize(), state.expectedSeq(), state.received());
        if (state.phase() != Phase.OPEN) {
            return Step.of(failed);
        }
        return Step.of(failed, new Output.Send(close(config, fresh)));
    }

    private static Iq close(Config config, Fresh fresh) {
        return new Iq(IqType.SET, "ibb-close-" + fresh.token(0, 12), Option.none(), Option.some(config.peer()), Option.none(),
                Array.of(new InBandBytestream.Close(config.sid())));
    }

    private static Step<State, Output> open(Config config, State state, Stanza stanza, InBandBytestream.Open open, boolean ours) {
        if (!(stanza instanceof Iq iq) || !ours || state.phase() != Phase.AWAITING_OPEN) {
            return Step.of(state, reply(stanza, StanzaErrorType.CANCEL, StanzaErrorCondition.NOT_ACCEPTABLE));
        }
        if (open.blockSize() > config.maxBlockSize()) {
            return Step.of(state, reply(stanza, StanzaErrorType.MODIFY, StanzaErrorCondition.RESOURCE_CONSTRAINT));
        }
        return Step.of(new State(Phase.OPEN, open.blockSize(), 0, 0), new Output.Send(StanzaReplies.result(iq)));
    }

    private static Step<State, Output> data(Config config, State state, Stanza stanza, InBandBytestream.Data data, boolean ours,
                                            Fresh fresh) {
        if (!ours || state.phase() != Phase.OPEN) {
            return Step.of(state, reply(stanza, StanzaErrorType.CANCEL, StanzaErrorCondition.ITEM_NOT_FOUND));
        }
        if (data.seq() != state.expectedSeq()) {
            return fail(config, state, stanza, StanzaErrorCondition.UNEXPECTED_REQUEST,
                    "chunk " + data.seq() + " where " + state.expectedSeq() + " was due (XEP-0047 §2.2)", fresh);
        }
        if (data.bytes().length() > state.blockSize()) {
            return fail(config, state, stanza, StanzaErrorCondition.BAD_REQUEST,
                    "a chunk of " + data.bytes().length() + " bytes exceeds the block size of " + state.blockSize(), fresh);
        }
        State next = new State(Phase.OPEN, state.blockSize(), InBandBytestream.next(data.seq()), state.received() + data.bytes().length());
        Output received = new Output.Received(data.bytes());
        // handed on before it is acknowledged: the shell writes it first, so nothing acknowledged is lost
        return stanza instanceof Iq iq ? Step.of(next, received, new Output.Send(StanzaReplies.result(iq))) : Step.of(next, received);
    }

    private static Step<State, Output> fail(Config config, State state, Stanza stanza, StanzaErrorCondition condition, String reason,
                                            Fresh fresh) {
        return Step.of(new State(Phase.FAILED, state.blockSize(), state.expectedSeq(), state.received()),
                reply(stanza, StanzaErrorType.CANCEL, condition), new Output.Send(close(config, fresh)), new Output.Failed(condition, reason));
    }

    /** The error reply, without the chunk it refuses (the spec's examples echo nothing). */
    private static Output reply(Stanza stanza, StanzaErrorType type, StanzaErrorCondition condition) {
        StanzaError error = StanzaError.of(type, condition);
        if (stanza instanceof Iq iq) {
            return new Output.Send(StanzaReplies.errorWithoutPayload(iq, error));
        }
        Message message = (Message) stanza;
        return new Output.Send(new Message(Option.some(MessageType.ERROR), message.id(), message.to(), message.from(), Option.none(),
                Array.of(error)));
    }
}
