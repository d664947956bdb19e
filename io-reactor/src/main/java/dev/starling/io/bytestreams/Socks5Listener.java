package dev.starling.io.bytestreams;

import io.netty.util.AttributeKey;
import io.vavr.control.Option;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpServer;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A SOCKS5 streamhost's listening socket (XEP-0065): the proxy's, or a requester's own for direct
 * connections (§5). Each connection runs the handshake ({@link Socks5AcceptHandler}); a client
 * that does not finish it within the handshake timeout is closed. What a connection carries
 * afterwards is its owner's: {@link Streams#carry} returns a publisher that completes when the
 * connection is to close.
 */
public final class Socks5Listener implements AutoCloseable {

    private static final AttributeKey<Mono<String>> HANDSHAKE = AttributeKey.valueOf("starling.socks5.handshake");

    /** What the owner decides and does for each connection. */
    public interface Streams {

        /** Whether a connection asking for this hash is taken (the hash is lowercase). */
        Mono<Boolean> admit(Connection connection, String dstAddr);

        /** Uses an admitted connection, now carrying raw bytes; the connection closes when the publisher completes. */
        Publisher<Void> carry(Connection connection, String dstAddr);
    }

    private final DisposableServer server;
    private final Option<LoopResources> loops;

    private Socks5Listener(DisposableServer server, Option<LoopResources> loops) {
        this.server = server;
        this.loops = loops;
    }

    /** Binds {@code host:port} (0 for any free port) for a streamhost that carries its own bytes (§5). */
    public static Mono<Socks5Listener> start(String host, int port, Duration handshakeTimeout, Streams streams) {
        return start(TcpServer.create(), Option.none(), false, host, port, handshakeTimeout, streams);
    }

    /**
     * Binds {@code host:port} for a proxy that relays pairs of connections (§6). Its connections share one event
     * loop of the listener's own, so a relayed buffer goes from one socket to the other without a hand-over
     * between threads; after the handshake a connection reads nothing until its relay starts, so bytes sent early
     * wait in the kernel (TCP flow control holds the sender) instead of in the proxy.
     */
    public static Mono<Socks5Listener> startRelaying(String host, int port, Duration handshakeTimeout, Streams streams) {
        LoopResources loops = LoopResources.create("starling-proxy", 1, true);
        return start(TcpServer.create().runOn(loops), Option.some(loops), true, host, port, handshakeTimeout, streams)
                .doOnError(failed -> loops.dispose());
    }

    /**
     * Relays what {@code from} receives to {@code to} until {@code from} closes, then completes once all of it is
     * written to {@code to} (or {@code to} failed); both connections came through this listener.
     */
    public static Mono<Void> relay(Connection from, Connection to) {
        return PipelineRelay.relay(from, to);
    }

    private static Mono<Socks5Listener> start(TcpServer server, Option<LoopResources> loops, boolean relaying, String host, int port,
                                              Duration handshakeTimeout, Streams streams) {
        return server.host(host).port(port).childOption(io.netty.channel.ChannelOption.RCVBUF_ALLOCATOR, BulkReads.allocator())
                .doOnConnection(connection -> connection.channel().attr(HANDSHAKE)
                        .set(Socks5AcceptHandler.install(connection, relaying, dstAddr -> streams.admit(connection, dstAddr))))
                .handle((in, out) -> {
                    Connection[] connection = new Connection[1];
                    in.withConnection(c -> connection[0] = c);
                    return connection[0].channel().attr(HANDSHAKE).get().timeout(handshakeTimeout)
                            .flatMap(dstAddr -> Mono.from(streams.carry(connection[0], dstAddr)))
                            .onErrorResume(error -> Mono.empty());
                })
                .bind().map(bound -> new Socks5Listener(bound, loops));
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.address();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
        loops.forEach(resources -> resources.disposeLater().block(Duration.ofSeconds(5)));
    }
}
