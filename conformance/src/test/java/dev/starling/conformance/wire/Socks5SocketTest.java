package dev.starling.conformance.wire;

import dev.starling.io.bytestreams.Socks5Connector;
import dev.starling.io.bytestreams.Socks5Listener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SOCKS5 handshake of XEP-0065 on real sockets: Starling's connector against Starling's
 * listener (a hash the listener expects, one it does not), and raw bytes from a plain socket to
 * check the RFC 1928 octets and the refusals of a method other than "no authentication" and of a
 * non-domain address.
 */
class Socks5SocketTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MESSAGE = "wherefore art thou";
    private static final String HASH = "9a8b6e2ae0fd1e16a5a7e9b1d2b3c4d5e6f70812";

    private final CompletableFuture<String> carried = new CompletableFuture<>();
    private final Socks5Listener listener = Socks5Listener.start("127.0.0.1", 0, Duration.ofSeconds(5), new Socks5Listener.Streams() {
        @Override
        public Mono<Boolean> admit(Connection connection, String dstAddr) {
            return Mono.just(dstAddr.equals(HASH));
        }

        @Override
        public Publisher<Void> carry(Connection connection, String dstAddr) {
            return connection.inbound().receive().asString(StandardCharsets.UTF_8).scan(String::concat)
                    .filter(text -> text.length() >= MESSAGE.length()).next().doOnNext(carried::complete).then();
        }
    }).block(WAIT);

    @AfterEach
    void stop() {
        listener.close();
    }

    @Test
    void anExpectedHashConnectsAndCarriesBytes() throws Exception {
        Connection connection = Socks5Connector.connect("127.0.0.1", listener.address().getPort(), HASH, WAIT).block(WAIT);
        connection.outbound().sendString(Mono.just(MESSAGE)).then().block(WAIT);
        assertThat(carried.get(10, TimeUnit.SECONDS)).isEqualTo(MESSAGE);
        connection.onDispose().block(WAIT); // the listener closes once its owner is done
        assertThat(connection.channel().isActive()).isFalse();
    }

    @Test
    void anUnexpectedHashIsRefused() {
        assertThatThrownBy(() -> Socks5Connector.connect("127.0.0.1", listener.address().getPort(), "00" + HASH.substring(2), WAIT).block(WAIT))
                .hasMessageContaining("NOT_ALLOWED");
    }

    @Test
    void theOctetsAreRfc1928s() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", listener.address().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(new byte[]{5, 1, 0});
            assertThat(in.readNBytes(2)).containsExactly(5, 0);
            byte[] host = HASH.getBytes(StandardCharsets.US_ASCII);
            out.write(new byte[]{5, 1, 0, 3, (byte) host.length});
            out.write(host);
            out.write(new byte[]{0, 0});
            byte[] reply = in.readNBytes(5 + host.length + 2);
            assertThat(reply).startsWith(5, 0, 0, 3, host.length);
            assertThat(new String(reply, 5, host.length, StandardCharsets.US_ASCII)).isEqualTo(HASH);
        }
    }

    @Test
    void aClientWithoutTheNoAuthenticationMethodIsTurnedAway() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", listener.address().getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(new byte[]{5, 1, 2}); // username/password only
            assertThat(socket.getInputStream().readNBytes(2)).containsExactly(5, 0xFF);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void anIpAddressInsteadOfTheHashIsRefused() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", listener.address().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(new byte[]{5, 1, 0});
            assertThat(socket.getInputStream().readNBytes(2)).containsExactly(5, 0);
            out.write(new byte[]{5, 1, 0, 1, 127, 0, 0, 1, 0, 0});
            assertThat(socket.getInputStream().readNBytes(2)).containsExactly(5, 8); // address type not supported
        }
    }

    @Test
    void somethingThatIsNotSocks5IsClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", listener.address().getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }
}
