package dev.starling.machine.bytestreams;

import dev.starling.machine.core.Step;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.bytestreams.DstAddr;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.StanzaErrorType;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A XEP-0065 bytestream proxy (§6): the component that answers disco as a {@code proxy/bytestreams}
 * identity, gives its network address (§4, Examples 7 and 8), pairs the two SOCKS5 connections
 * that present the same DST.ADDR (target first, §6.3.2, then requester, §6.3.4), and starts
 * relaying only when the requester asks it to {@code activate} (§6.3.5).
 *
 * <p>The activation is checked as §6.3.5 says: the proxy hashes the SID, the IQ's 'from' and the
 * {@code <activate/>} JID. No connection with that hash (an unknown SID, or someone else's) is
 * {@code item-not-found}; only one side connected is {@code not-allowed}. The owner's repeated
 * activation of a stream already relaying is answered with a result and changes nothing, as
 * Prosody's proxy65 answers it: Smack 4.4.8's Jingle SOCKS5 session activates twice (its SOCKS5
 * client activates on connecting, then the session again), and an error there made it give up a
 * working stream. The hash contains the requester's JID, so no one else can reach that answer. A third connection with a hash already paired is refused (one target per
 * stream, §9.1), as is any connection beyond {@code maxPending} unpaired ones, and a connection
 * not activated within {@code idle} is closed (the denial-of-service note of §10). A proxy may
 * serve only its own domains' users; anyone else is {@code forbidden} (§4, Example 9).
 *
 * <p>Connections are numbers the shell chose; the machine never touches a socket.
 */
public final class Socks5Proxy {

    private Socks5Proxy() {
    }

    /**
     * The proxy's settings.
     *
     * @param streamhost the proxy's JID and the address its SOCKS5 listener is reached at
     * @param services   what it says about itself (disco identity {@code proxy/bytestreams}, version, ping)
     * @param maxPending how many connections may wait for activation at once
     * @param idle       how long one may wait
     * @param users      the domains whose entities may use the proxy; empty for anyone. Others get
     *                   {@code forbidden} for the address query and the activation (§4, Example 9)
     */
    public record Config(Streamhost streamhost, EntityServices services, int maxPending, Duration idle, io.vavr.collection.Set<String> users) {
        public Config {
            Objects.requireNonNull(streamhost, "streamhost");
            Objects.requireNonNull(services, "services");
            Objects.requireNonNull(idle, "idle");
            Objects.requireNonNull(users, "users");
            if (maxPending < 2) {
                throw new IllegalArgumentException("a proxy must hold at least one pair: " + maxPending);
            }
        }

        /** A proxy anyone may use. */
        public Config(Streamhost streamhost, EntityServices services, int maxPending, Duration idle) {
            this(streamhost, services, maxPending, idle, io.vavr.collection.HashSet.empty());
        }

        /** Whether this entity may use the proxy. */
        boolean serves(Option<Jid> requester) {
            return users.isEmpty() || requester.exists(from -> users.contains(from.domain()));
        }
    }

    /**
     * One SOCKS5 connection the proxy admitted.
     *
     * @param dstAddr  the hash it presented
     * @param since    when it arrived
     * @param relaying whether it is activated
     */
    public record Connection(String dstAddr, Instant since, boolean relaying) {
    }

    /**
     * The admitted connections, by the shell's number, in order of arrival per hash.
     *
     * @param connections every admitted connection
     * @param byHash      the connections presenting each hash, the first arrived first
     */
    public record State(Map<Long, Connection> connections, Map<String, Seq<Long>> byHash) {

        /** How many connections wait for activation. */
        public int pending() {
            return connections.values().count(c -> !c.relaying());
        }
    }

    /** What the proxy reacts to. */
    public sealed interface Input {

        /** An IQ addressed to the proxy. */
        record Request(Iq iq, Instant now) implements Input {
        }

        /** A connection finished the SOCKS5 greeting and asks for this hash. */
        record Arrived(long connection, String dstAddr, Instant now) implements Input {
        }

        /** A connection closed. */
        record Left(long connection) implements Input {
        }

        /** Time passes: expire what waited too long. */
        record Tick(Instant now) implements Input {
        }
    }

    /** What the shell does. */
    public sealed interface Output {

        /** Send this stanza. */
        record Send(Stanza stanza) implements Output {
        }

        /** Reply success to this connection's CONNECT. */
        record Admit(long connection) implements Output {
        }

        /** Refuse this connection's CONNECT and close it. */
        record Refuse(long connection, String reason) implements Output {
        }

        /** Relay bytes both ways between these connections, without buffering more than a read. */
        record Relay(long first, long second) implements Output {
        }

        /** Close this connection. */
        record Close(long connection, String reason) implements Output {
        }
    }

    /** No connections. */
    public static State initial() {
        return new State(HashMap.empty(), HashMap.empty());
    }

    /** Feeds one input. */
    public static Step<State, Output> step(Config config, State state, Input input) {
        if (input instanceof Input.Request request) {
            return request(config, state, request.iq(), request.now());
        }
        if (input instanceof Input.Arrived arrived) {
            return arrive(config, state, arrived);
        }
        if (input instanceof Input.Left left) {
            return leave(state, left.connection(), "the other side closed");
        }
        Instant now = ((Input.Tick) input).now();
        Seq<Long> stale = Array.ofAll(state.connections().filter(c -> !c._2.relaying() && !c._2.since().plus(config.idle()).isAfter(now)).keySet());
        State kept = stale.foldLeft(state, Socks5Proxy::remove);
        return Step.of(kept, stale.map(c -> (Output) new Output.Close(c, "not activated within " + config.idle().toSeconds() + " s")));
    }

    private static Step<State, Output> request(Config config, State state, Iq iq, Instant now) {
        if (!(iq.payload().getOrNull() instanceof BytestreamQuery query)) {
            return Step.of(state, new Output.Send(config.services().answer(iq, now, Option.none())));
        }
        if (!config.serves(iq.from())) {
            return refuse(state, iq, StanzaErrorType.AUTH, StanzaErrorCondition.FORBIDDEN); // §4, Example 9
        }
        if (iq.type() == IqType.GET && query.sid().isEmpty() && query.activate().isEmpty()) {
            return Step.of(state, new Output.Send(StanzaReplies.result(iq, BytestreamQuery.address(Array.of(config.streamhost())))));
        }
        if (iq.type() != IqType.SET || query.sid().isEmpty() || query.activate().isEmpty() || iq.from().isEmpty()) {
            return refuse(state, iq, StanzaErrorType.MODIFY, StanzaErrorCondition.BAD_REQUEST);
        }
        String hash = DstAddr.of(query.sid().get(), iq.from().get(), query.activate().get());
        Seq<Long> paired = state.byHash().get(hash).getOrElse(Array.empty());
        if (paired.isEmpty()) {
            return refuse(state, iq, StanzaErrorType.CANCEL, StanzaErrorCondition.ITEM_NOT_FOUND);
        }
        if (paired.size() < 2) {
            return refuse(state, iq, StanzaErrorType.CANCEL, StanzaErrorCondition.NOT_ALLOWED);
        }
        if (state.connections().get(paired.get(0)).exists(Connection::relaying)) {
            return Step.of(state, new Output.Send(StanzaReplies.result(iq))); // the owner's repeat: already relaying
        }
        State relaying = new State(paired.foldLeft(state.connections(),
                (all, c) -> all.put(c, new Connection(hash, all.get(c).get().since(), true))), state.byHash());
        return Step.of(relaying, new Output.Relay(paired.get(0), paired.get(1)), new Output.Send(StanzaReplies.result(iq)));
    }

    private static Step<State, Output> arrive(Config config, State state, Input.Arrived arrived) {
        Seq<Long> same = state.byHash().get(arrived.dstAddr()).getOrElse(Array.empty());
        if (same.size() >= 2) {
            return Step.of(state, new Output.Refuse(arrived.connection(), "this stream already has both sides"));
        }
        if (state.pending() >= config.maxPending()) {
            return Step.of(state, new Output.Refuse(arrived.connection(), "too many streams wait for activation"));
        }
        State added = new State(state.connections().put(arrived.connection(), new Connection(arrived.dstAddr(), arrived.now(), false)),
                state.byHash().put(arrived.dstAddr(), same.append(arrived.connection())));
        return Step.of(added, new Output.Admit(arrived.connection()));
    }

    private static Step<State, Output> leave(State state, long connection, String reason) {
        Option<Connection> gone = state.connections().get(connection);
        if (gone.isEmpty()) {
            return Step.of(state);
        }
        State without = remove(state, connection);
        if (!gone.get().relaying()) {
            return Step.of(without);
        }
        Seq<Long> partners = state.byHash().get(gone.get().dstAddr()).get().remove(connection);
        return Step.of(partners.foldLeft(without, Socks5Proxy::remove), partners.map(p -> (Output) new Output.Close(p, reason)));
    }

    private static State remove(State state, long connection) {
        String hash = state.connections().get(connection).get().dstAddr();
        Seq<Long> rest = state.byHash().get(hash).get().remove(connection);
        return new State(state.connections().remove(connection), rest.isEmpty() ? state.byHash().remove(hash) : state.byHash().put(hash, rest));
    }

    private static Step<State, Output> refuse(State state, Iq iq, StanzaErrorType type, StanzaErrorCondition condition) {
        return Step.of(state, new Output.Send(StanzaReplies.errorWithoutPayload(iq, StanzaError.of(type, condition))));
    }
}
