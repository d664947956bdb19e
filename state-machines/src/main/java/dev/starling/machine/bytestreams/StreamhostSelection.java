package dev.starling.machine.bytestreams;

import dev.starling.machine.core.Step;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.bytestreams.DstAddr;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.StanzaErrorType;
import io.vavr.collection.Seq;

import java.time.Duration;
import java.util.Objects;

/**
 * The target's side of a XEP-0065 negotiation: given the requester's offer, it tries the
 * streamhosts one at a time in the offer's order (§5.3.2: "in the order of the streamhost
 * children"), each with its own timeout, and answers with {@code <streamhost-used/>} naming the
 * first one whose SOCKS5 CONNECT succeeded (§5.3.3), or {@code item-not-found} when none did
 * (§5.3.2, Example 15). The shell does the connecting and reports each outcome; a success that
 * arrives for a host the machine has given up on is abandoned, never used.
 *
 * <p>An offer without a 'sid' or without streamhosts is {@code bad-request} (§5.3.1); a UDP offer
 * (§8) is {@code not-acceptable}, as Starling relays TCP only.
 */
public final class StreamhostSelection {

    private StreamhostSelection() {
    }

    /** Where the selection is. */
    public enum Phase {
        /** Connecting to the host at {@link State#current()}. */
        TRYING,
        /** Connected: the answer has been sent. */
        CONNECTED,
        /** No host worked, or the offer was refused. */
        FAILED
    }

    /**
     * The selection's state.
     *
     * @param offer   the requester's IQ
     * @param hosts   its streamhosts, in order
     * @param dstAddr the DST.ADDR to CONNECT with
     * @param current the host being tried
     * @param phase   where the selection is
     */
    public record State(Iq offer, Seq<Streamhost> hosts, String dstAddr, int current, Phase phase) {
    }

    /** Outcomes the shell reports. */
    public sealed interface Input {

        /**
         * The SOCKS5 CONNECT to host {@code index} succeeded.
         *
         * @param index the host's position in the offer
         */
        record Connected(int index) implements Input {
        }

        /**
         * The connection to host {@code index} failed.
         *
         * @param index the host's position
         */
        record ConnectFailed(int index) implements Input {
        }

        /**
         * Host {@code index}'s timer fired.
         *
         * @param index the host's position
         */
        record TimedOut(int index) implements Input {
        }
    }

    /** What the shell does. */
    public sealed interface Output {

        /**
         * Connect to this host and CONNECT with this DST.ADDR and port 0 (§5.3.2).
         *
         * @param index   the host's position
         * @param host    the host
         * @param dstAddr SHA1(sid + requester + target), hex
         */
        record Connect(int index, Streamhost host, String dstAddr) implements Output {
        }

        /**
         * Start host {@code index}'s timer.
         *
         * @param index the host's position
         * @param after when it fires
         */
        record StartTimer(int index, Duration after) implements Output {
        }

        /**
         * Close whatever connection to host {@code index} exists or is being made: it will not be used.
         *
         * @param index the host's position
         */
        record Abandon(int index) implements Output {
        }

        /**
         * Send this answer to the requester.
         *
         * @param iq the answer
         */
        record Send(Iq iq) implements Output {
        }

        /**
         * The bytestream is host {@code index}'s connection.
         *
         * @param index the host's position
         * @param host  the host
         */
        record Ready(int index, Streamhost host) implements Output {
        }

        /**
         * No bytestream.
         *
         * @param condition the error the requester got
         */
        record Failed(StanzaErrorCondition condition) implements Output {
        }
    }

    /**
     * Starts on an offer addressed to {@code target}: connects to the first host, or refuses the offer.
     *
     * @param offer         the requester's IQ set
     * @param target        this side's JID as the requester addressed it (the IQ's 'to')
     * @param perHostTimeout how long each host may take
     */
    public static Step<State, Output> start(Iq offer, Jid target, Duration perHostTimeout) {
        Objects.requireNonNull(perHostTimeout, "perHostTimeout");
        BytestreamQuery query = offer.payload().filter(BytestreamQuery.class::isInstance).map(BytestreamQuery.class::cast)
                .getOrElseThrow(() -> new IllegalArgumentException("not a bytestream offer"));
        if (query.sid().isEmpty() || query.streamhosts().isEmpty() || offer.from().isEmpty()) {
            return refuse(offer, StanzaErrorType.MODIFY, StanzaErrorCondition.BAD_REQUEST);
        }
        if (!query.mode().equals("tcp")) {
            return refuse(offer, StanzaErrorType.MODIFY, StanzaErrorCondition.NOT_ACCEPTABLE);
        }
        String dstAddr = query.dstaddr().getOrElse(() -> DstAddr.of(query.sid().get(), offer.from().get(), target));
        State state = new State(offer, query.streamhosts(), dstAddr, 0, Phase.TRYING);
        return Step.of(state, new Output.Connect(0, state.hosts().get(0), dstAddr), new Output.StartTimer(0, perHostTimeout));
    }

    /** Feeds an outcome. */
    public static Step<State, Output> step(State state, Input input, Duration perHostTimeout) {
        int index = input instanceof Input.Connected c ? c.index() : input instanceof Input.ConnectFailed f ? f.index()
                : ((Input.TimedOut) input).index();
        boolean current = state.phase() == Phase.TRYING && index == state.current();
        if (input instanceof Input.Connected) {
            if (!current) {
                return Step.of(state, new Output.Abandon(index));
            }
            Streamhost host = state.hosts().get(index);
            BytestreamQuery used = BytestreamQuery.used(sid(state), host.jid());
            return Step.of(new State(state.offer(), state.hosts(), state.dstAddr(), index, Phase.CONNECTED),
                    new Output.Send(StanzaReplies.result(state.offer(), used)), new Output.Ready(index, host));
        }
        if (!current) {
            return Step.of(state);
        }
        int next = index + 1;
        if (next < state.hosts().size()) {
            return Step.of(new State(state.offer(), state.hosts(), state.dstAddr(), next, Phase.TRYING), new Output.Abandon(index),
                    new Output.Connect(next, state.hosts().get(next), state.dstAddr()), new Output.StartTimer(next, perHostTimeout));
        }
        Iq notFound = StanzaReplies.errorWithoutPayload(state.offer(), StanzaError.of(StanzaErrorType.CANCEL, StanzaErrorCondition.ITEM_NOT_FOUND));
        return Step.of(new State(state.offer(), state.hosts(), state.dstAddr(), index, Phase.FAILED), new Output.Abandon(index),
                new Output.Send(notFound), new Output.Failed(StanzaErrorCondition.ITEM_NOT_FOUND));
    }

    private static String sid(State state) {
        return ((BytestreamQuery) state.offer().payload().get()).sid().get();
    }

    private static Step<State, Output> refuse(Iq offer, StanzaErrorType type, StanzaErrorCondition condition) {
        State state = new State(offer, io.vavr.collection.Array.empty(), "", 0, Phase.FAILED);
        return Step.of(state, new Output.Send(StanzaReplies.errorWithoutPayload(offer, StanzaError.of(type, condition))),
                new Output.Failed(condition));
    }
}
