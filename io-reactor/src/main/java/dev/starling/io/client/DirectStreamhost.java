package dev.starling.io.client;

import dev.starling.io.bytestreams.Socks5Listener;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This client's own SOCKS5 streamhost for direct bytestreams (XEP-0065 §5): one listener on a
 * free port of the configured address, started on first use. It admits a connection only for a
 * hash it expects (one per outgoing offer), and keeps the connection open until the sender is
 * done with it.
 */
final class DirectStreamhost implements AutoCloseable {

    /** One expected bytestream: the connection once the target is in, and the signal that the transfer is over. */
    record Expected(Sinks.One<Connection> connection, Sinks.Empty<Void> done) {
    }

    private final Socks5Listener listener;
    private final Map<String, Expected> expected = new ConcurrentHashMap<>();

    private DirectStreamhost(String host) {
        this.listener = Socks5Listener.start(host, 0, Duration.ofSeconds(10), new Socks5Listener.Streams() {
            @Override
            public Mono<Boolean> admit(Connection connection, String dstAddr) {
                return Mono.just(expected.containsKey(dstAddr));
            }

            @Override
            public Publisher<Void> carry(Connection connection, String dstAddr) {
                Expected waiting = expected.remove(dstAddr);
                if (waiting == null || waiting.connection().tryEmitValue(connection).isFailure()) {
                    return Mono.empty(); // a second connection for the same stream: closed
                }
                return waiting.done().asMono();
            }
        }).block(Duration.ofSeconds(10));
    }

    /** Starts a listener on {@code host}. */
    static DirectStreamhost on(String host) {
        return new DirectStreamhost(host);
    }

    /** The port it listens on. */
    int port() {
        return listener.address().getPort();
    }

    /** Registers a hash; the connection is admitted once, while registered. */
    Expected expect(String dstAddr) {
        Expected waiting = new Expected(Sinks.one(), Sinks.empty());
        expected.put(dstAddr, waiting);
        return waiting;
    }

    /** Stops expecting a hash (the offer ended another way). */
    void forget(String dstAddr) {
        expected.remove(dstAddr);
    }

    @Override
    public void close() {
        listener.close();
    }
}
