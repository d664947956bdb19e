package dev.starling.io.bytestreams;

import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.tcp.TcpClient;

import java.time.Duration;

/**
 * Connects to a SOCKS5 streamhost and runs the connecting side of the handshake for a XEP-0065
 * bytestream (§5.3.2, §6.3.2, §6.3.4): the Mono emits the connection, carrying raw bytes, or
 * fails (refused, no SOCKS5, a failure reply, or {@code timeout}) and leaves nothing open.
 */
public final class Socks5Connector {

    private Socks5Connector() {
    }

    /** A bytestream connection to {@code host:port} for the stream whose hash is {@code dstAddr}. */
    public static Mono<Connection> connect(String host, int port, String dstAddr, Duration timeout) {
        return TcpClient.newConnection().host(host).port(port)
                .option(io.netty.channel.ChannelOption.RCVBUF_ALLOCATOR, BulkReads.allocator()).connect()
                .flatMap(connection -> Socks5ConnectHandler.install(connection, dstAddr).thenReturn(connection)
                        .doOnError(error -> connection.dispose())
                        .doOnCancel(connection::dispose))
                .timeout(timeout);
    }
}
