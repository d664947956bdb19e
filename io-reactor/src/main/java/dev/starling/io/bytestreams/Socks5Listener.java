package dev.starling.io.bytestreams;

import io.netty.util.AttributeKey;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
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

    private Socks5Listener(DisposableServer server) {
        this.server = server;
    }

    /** Binds {@code host:port} (0 for any free port). */
    public static Mono<Socks5Listener> start(String host, int port, Duration handshakeTimeout, Streams streams) {
        return TcpServer.create().host(host).port(port)
                .doOnConnection(connection -> connection.channel().attr(HANDSHAKE)
                        .set(Socks5AcceptHandler.install(connection, dstAddr -> streams.admit(connection, dstAddr))))
                .handle((in, out) -> {
                    Connection[] connection = new Connection[1];
                    in.withConnection(c -> connection[0] = c);
                    return connection[0].channel().attr(HANDSHAKE).get().timeout(handshakeTimeout)
                            .flatMap(dstAddr -> Mono.from(streams.carry(connection[0], dstAddr)))
                            .onErrorResume(error -> Mono.empty());
                })
                .bind().map(Socks5Listener::new);
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.address();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
