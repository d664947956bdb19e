package dev.starling.machine.bytestreams;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.bytestreams.DstAddr;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The requester's side of a XEP-0065 negotiation: it offers its streamhosts (its own listeners
 * first, then proxies), reads the target's {@code <streamhost-used/>}, and makes that host the
 * bytestream:
 *
 * <ul>
 *   <li>its own host (a direct connection, §5): only once its listener has seen the target CONNECT
 *       with the right DST.ADDR, reported as {@link Input.TargetConnected};</li>
 *   <li>a proxy (§6): it connects to the proxy itself with the same DST.ADDR (§6.3.4), asks the
 *       proxy to activate the stream (§6.3.5), and is ready on the proxy's result.</li>
 * </ul>
 *
 * A host the target names that was not offered, an error answer (such as {@code item-not-found}
 * when the target reached no host, §5.3.2) and a failure to reach or activate the proxy end the
 * negotiation with {@link Output.Failed}; the caller then falls back (to IBB for file transfer).
 * The machine never uses a host the target has not confirmed.
 */
public final class S5bRequester {

    private S5bRequester() {
    }

    /**
     * The negotiation.
     *
     * @param requester this side's full JID
     * @param target    the target's JID as addressed
     * @param sid       the stream id
     * @param hosts     the streamhosts to offer, in order of preference
     */
    public record Config(Jid requester, Jid target, String sid, Seq<Streamhost> hosts) {
        public Config {
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(sid, "sid");
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("an offer has at least one streamhost (XEP-0065 §5.3.1)");
            }
        }

        /** SHA1(sid + requester + target), hex (§5.3.2). */
        public String dstAddr() {
            return DstAddr.of(sid, requester, target);
        }
    }

    /** Where the negotiation is. */
    public enum Phase {
        /** The offer is on its way. */
        OFFERED,
        /** The target chose this side's own host; waiting for its connection to be reported. */
        AWAITING_DIRECT,
        /** The target chose a proxy; connecting to it. */
        CONNECTING_PROXY,
        /** Asked the proxy to activate. */
        ACTIVATING,
        /** The bytestream is usable. */
        READY,
        /** No bytestream. */
        FAILED
    }

    /**
     * The requester's state.
     *
     * @param phase     where the negotiation is
     * @param pendingId the id of the IQ on its way
     * @param chosen    the host the target used
     * @param connected own hosts the target has connected to (positions in the offer)
     */
    public record State(Phase phase, String pendingId, Option<Integer> chosen, Set<Integer> connected) {
    }

    /** What the shell reports. */
    public sealed interface Input {

        /** Send the offer. */
        record Start() implements Input {
        }

        /**
         * An answer to the offer or to the activation.
         *
         * @param iq the result or error
         */
        record Answer(Iq iq) implements Input {
        }

        /**
         * This side's listener for host {@code index} accepted the target's SOCKS5 CONNECT with the right DST.ADDR.
         *
         * @param index the host's position in the offer
         */
        record TargetConnected(int index) implements Input {
        }

        /** This side's SOCKS5 CONNECT to the chosen proxy succeeded. */
        record ProxyConnected() implements Input {
        }

        /** This side could not reach the chosen proxy. */
        record ProxyFailed() implements Input {
        }
    }

    /** What the shell does. */
    public sealed interface Output {

        /**
         * Send this IQ.
         *
         * @param iq the IQ
         */
        record Send(Iq iq) implements Output {
        }

        /**
         * Connect to the proxy and CONNECT with this DST.ADDR and port 0 (§6.3.4).
         *
         * @param host    the proxy
         * @param dstAddr the hash
         */
        record ConnectProxy(Streamhost host, String dstAddr) implements Output {
        }

        /**
         * The bytestream is ready on host {@code index}'s connection.
         *
         * @param index the host's position
         * @param host  the host
         */
        record Ready(int index, Streamhost host) implements Output {
        }

        /**
         * No bytestream.
         *
         * @param condition the error condition
         * @param reason    what happened
         */
        record Failed(StanzaErrorCondition condition, String reason) implements Output {
        }
    }

    /** Before the start. */
    public static State initial() {
        return new State(Phase.OFFERED, "", Option.none(), HashSet.empty());
    }

    /** Feeds one input. */
    public static Step<State, Output> step(Config config, State state, Input input, Fresh fresh) {
        if (state.phase() == Phase.READY || state.phase() == Phase.FAILED) {
            return Step.of(state);
        }
        if (input instanceof Input.Start) {
            String id = "s5b-" + fresh.token(0, 12);
            Iq offer = new Iq(IqType.SET, id, Option.none(), Option.some(config.target()), Option.none(),
                    Array.of(BytestreamQuery.offer(config.sid(), config.hosts())));
            return Step.of(new State(Phase.OFFERED, id, Option.none(), state.connected()), new Output.Send(offer));
        }
        if (input instanceof Input.TargetConnected connected) {
            State seen = new State(state.phase(), state.pendingId(), state.chosen(), state.connected().add(connected.index()));
            return seen.phase() == Phase.AWAITING_DIRECT && seen.chosen().contains(connected.index()) ? ready(config, seen) : Step.of(seen);
        }
        if (input instanceof Input.ProxyConnected && state.phase() == Phase.CONNECTING_PROXY) {
            Streamhost proxy = config.hosts().get(state.chosen().get());
            String id = "s5b-activate-" + fresh.token(1, 12);
            Iq activate = new Iq(IqType.SET, id, Option.none(), Option.some(proxy.jid()), Option.none(),
                    Array.of(BytestreamQuery.activation(config.sid(), config.target())));
            return Step.of(new State(Phase.ACTIVATING, id, state.chosen(), state.connected()), new Output.Send(activate));
        }
        if (input instanceof Input.ProxyFailed && state.phase() == Phase.CONNECTING_PROXY) {
            return failed(state, StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, "the proxy the target chose cannot be reached");
        }
        if (input instanceof Input.Answer answer && answer.iq().iqId().equals(state.pendingId())) {
            return answer(config, state, answer.iq());
        }
        return Step.of(state);
    }

    private static Step<State, Output> answer(Config config, State state, Iq iq) {
        if (iq.type() == IqType.ERROR) {
            StanzaErrorCondition condition = iq.error().map(e -> e.condition()).getOrElse(StanzaErrorCondition.UNDEFINED_CONDITION);
            return failed(state, condition, (state.phase() == Phase.ACTIVATING ? "the proxy refused to activate: " : "the target refused: ")
                    + condition.wireName());
        }
        if (iq.type() != IqType.RESULT) {
            return Step.of(state);
        }
        if (state.phase() == Phase.ACTIVATING) {
            return ready(config, state);
        }
        Option<Jid> used = iq.payload().filter(BytestreamQuery.class::isInstance).flatMap(p -> ((BytestreamQuery) p).used());
        int index = used.map(jid -> config.hosts().indexWhere(host -> host.jid().equals(jid))).getOrElse(-1);
        if (index < 0) {
            return failed(state, StanzaErrorCondition.BAD_REQUEST, "the target named a streamhost that was not offered: "
                    + used.map(Jid::toString).getOrElse("none"));
        }
        Streamhost host = config.hosts().get(index);
        if (host.jid().equals(config.requester())) {
            State awaiting = new State(Phase.AWAITING_DIRECT, "", Option.some(index), state.connected());
            return state.connected().contains(index) ? ready(config, awaiting) : Step.of(awaiting);
        }
        return Step.of(new State(Phase.CONNECTING_PROXY, "", Option.some(index), state.connected()),
                new Output.ConnectProxy(host, config.dstAddr()));
    }

    private static Step<State, Output> ready(Config config, State state) {
        int index = state.chosen().get();
        return Step.of(new State(Phase.READY, "", state.chosen(), state.connected()), new Output.Ready(index, config.hosts().get(index)));
    }

    private static Step<State, Output> failed(State state, StanzaErrorCondition condition, String reason) {
        return Step.of(new State(Phase.FAILED, "", state.chosen(), state.connected()), new Output.Failed(condition, reason));
    }
}
