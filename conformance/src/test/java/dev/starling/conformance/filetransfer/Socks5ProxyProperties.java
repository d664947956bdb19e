package dev.starling.conformance.filetransfer;

import dev.starling.machine.bytestreams.Socks5Proxy;
import dev.starling.machine.core.Step;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.bytestreams.DstAddr;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.version.SoftwareVersion;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over random arrivals, departures, activations (by the right requester or by someone else) and
 * ticks, the proxy never relays a stream whose two sides have not both arrived and whose
 * activation did not come from the requester that owns it, never relays a connection twice, and
 * never holds more waiting connections than its limit.
 */
class Socks5ProxyProperties {

    private static final Jid REQUESTER = Jid.of("romeo@example.net/orchard");
    private static final Jid TARGET = Jid.of("juliet@example.net/balcony");
    private static final int LIMIT = 6;
    private static final Socks5Proxy.Config CONFIG = new Socks5Proxy.Config(new Streamhost(Jid.of("proxy.example.net"), "127.0.0.1", 7777),
            new EntityServices(Array.empty(), Array.empty(), Array.empty(), SoftwareVersion.of("Starling", "test")), LIMIT, Duration.ofSeconds(30));

    /** One event: kind 0 arrive, 1 leave, 2 activate by the requester, 3 activate by someone else, 4 tick; stream 0 to 3. */
    record Event(int kind, int stream, int connection) {
    }

    @Provide
    Arbitrary<List<Event>> events() {
        return Arbitraries.integers().between(0, 4).flatMap(kind -> Arbitraries.integers().between(0, 3)
                .flatMap(stream -> Arbitraries.integers().between(1, 12).map(connection -> new Event(kind, stream, connection))))
                .list().ofMaxSize(60);
    }

    @Property(tries = 300)
    void relaysOnlyConfirmedOwnedPairs(@ForAll("events") List<Event> events) {
        Socks5Proxy.State state = Socks5Proxy.initial();
        Set<Long> relayed = new HashSet<>();
        Set<Long> arrived = new HashSet<>();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        for (Event event : events) {
            now = now.plusSeconds(3);
            String sid = "s" + event.stream();
            Socks5Proxy.Input input = switch (event.kind()) {
                case 0 -> !arrived.add((long) event.connection()) ? new Socks5Proxy.Input.Tick(now) // the shell never reuses a number
                        : new Socks5Proxy.Input.Arrived(event.connection(), DstAddr.of(sid, REQUESTER, TARGET), now);
                case 1 -> new Socks5Proxy.Input.Left(event.connection());
                case 2 -> new Socks5Proxy.Input.Request(activation(sid, REQUESTER, event.connection()), now);
                case 3 -> new Socks5Proxy.Input.Request(activation(sid, Jid.of("mallory@example.net/x"), event.connection()), now);
                default -> new Socks5Proxy.Input.Tick(now);
            };
            Socks5Proxy.State before = state;
            Step<Socks5Proxy.State, Socks5Proxy.Output> step = Socks5Proxy.step(CONFIG, state, input);
            state = step.state();
            for (Socks5Proxy.Output output : step.outputs()) {
                if (output instanceof Socks5Proxy.Output.Relay relay) {
                    assertThat(event.kind()).isEqualTo(2);
                    String hash = DstAddr.of(sid, REQUESTER, TARGET);
                    assertThat(before.connections().get(relay.first()).map(Socks5Proxy.Connection::dstAddr)).contains(hash);
                    assertThat(before.connections().get(relay.second()).map(Socks5Proxy.Connection::dstAddr)).contains(hash);
                    assertThat(relayed.add(relay.first()) && relayed.add(relay.second())).isTrue();
                }
            }
            assertThat(state.pending()).isLessThanOrEqualTo(LIMIT);
            state.byHash().values().forEach(connections -> assertThat(connections.size()).isBetween(1, 2));
        }
    }

    private static Iq activation(String sid, Jid from, int id) {
        return new Iq(IqType.SET, "a" + id, Option.some(from), Option.some(Jid.of("proxy.example.net")), Option.none(),
                Array.of(BytestreamQuery.activation(sid, TARGET)));
    }
}
