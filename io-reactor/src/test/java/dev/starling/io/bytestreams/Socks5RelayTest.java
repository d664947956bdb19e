package dev.starling.io.bytestreams;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy's relay (XEP-0065 §6.3.5) on real sockets, outside the XMPP machinery: two SOCKS5 clients that ask
 * for the same hash are paired by a listener and relayed to each other; what one writes, the other reads, byte
 * for byte, up to the writer's close, through the proxy's relaying listener (one event loop) and through a plain
 * one (the pair on different event loops); bytes written before the relay starts wait for it; a reader that reads
 * nothing holds the writer back instead of filling the proxy's memory.
 */
class Socks5RelayTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String HASH = "6b1f1bbd8d0b4f56e3a1c2d4e5f60718293a4b5c";

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private Socks5Listener listener;

    @AfterEach
    void stop() {
        listener.close();
    }

    @Test
    void aRelayingListenerRelaysThePairAndLosesNoByte() {
        listener = Socks5Listener.startRelaying("127.0.0.1", 0, WAIT, pairing()).block(WAIT);
        assertThat(transfer(24 * 1024 * 1024 + 17)).isTrue();
    }

    @Test
    void aPairOnTwoEventLoopsIsRelayedToo() {
        listener = Socks5Listener.start("127.0.0.1", 0, WAIT, pairing()).block(WAIT);
        assertThat(transfer(8 * 1024 * 1024 + 5)).isTrue();
    }

    @Test
    void aReaderThatReadsNothingHoldsTheWriterBack() throws Exception {
        listener = Socks5Listener.startRelaying("127.0.0.1", 0, WAIT, pairing()).block(WAIT);
        Connection writer = Socks5Connector.connect("127.0.0.1", listener.address().getPort(), HASH, WAIT).block(WAIT);
        Connection reader = Socks5Connector.connect("127.0.0.1", listener.address().getPort(), HASH, WAIT).block(WAIT);
        reader.channel().config().setAutoRead(false); // reads nothing
        AtomicLong written = new AtomicLong();
        byte[] chunk = new byte[64 * 1024];
        writer.outbound().send(Flux.range(0, 4096).map(i -> Unpooled.wrappedBuffer(chunk)).doOnNext(b -> written.addAndGet(chunk.length)))
                .then().subscribe();
        long plateau = -1;
        for (int i = 0; i < 50 && plateau != written.get(); i++) { // until the writer stops making progress
            plateau = written.get();
            Thread.sleep(200);
        }
        // 256 MiB offered; what left the writer is in socket buffers (a few MiB each way) and the proxy's ~64 KiB water marks
        assertThat(written.get()).isLessThan(64L * 1024 * 1024);
        writer.dispose();
        reader.dispose();
    }

    @Test
    void bytesWrittenBeforeThePartnerArrivesWaitAndArriveFirst() {
        listener = Socks5Listener.startRelaying("127.0.0.1", 0, WAIT, pairing()).block(WAIT);
        byte[] early = "sent before the relay started".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Connection writer = Socks5Connector.connect("127.0.0.1", listener.address().getPort(), HASH, WAIT).block(WAIT);
        writer.outbound().send(Mono.just(Unpooled.wrappedBuffer(early))).then().block(WAIT);
        Connection reader = Socks5Connector.connect("127.0.0.1", listener.address().getPort(), HASH, WAIT).block(WAIT);
        Mono<byte[]> received = collect(reader);
        writer.outbound().send(Mono.just(Unpooled.wrappedBuffer(new byte[]{'!'}))).then().block(WAIT);
        writer.dispose();
        assertThat(new String(received.block(WAIT), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("sent before the relay started!");
    }

    /** Writes {@code size} random bytes from one client, closes it, and compares what the other read until its end. */
    private boolean transfer(int size) {
        byte[] file = new byte[size];
        new Random(size).nextBytes(file);
        Connection writer = Socks5Connector.connect("127.0.0.1", listener.address().getPort(), HASH, WAIT).block(WAIT);
        Connection reader = Socks5Connector.connect("127.0.0.1", listener.address().getPort(), HASH, WAIT).block(WAIT);
        Mono<byte[]> received = collect(reader);
        int chunk = 64 * 1024;
        writer.outbound().send(Flux.range(0, (size + chunk - 1) / chunk)
                .map(i -> Unpooled.wrappedBuffer(file, i * chunk, Math.min(chunk, size - i * chunk)))).then().block(WAIT);
        writer.dispose();
        return java.util.Arrays.equals(file, received.block(WAIT));
    }

    /**
     * Everything the reader reads until its end, subscribed at once: reactor-netty releases what a
     * connection received but nobody subscribed to when the connection closes, so a reader that
     * subscribed only after the relay closed it would see nothing.
     */
    private static Mono<byte[]> collect(Connection reader) {
        Mono<byte[]> all = reader.inbound().receive().reduce(new ByteArrayOutputStream(), (out, bytes) -> {
            byte[] part = new byte[bytes.readableBytes()];
            bytes.readBytes(part);
            out.writeBytes(part);
            return out;
        }).map(ByteArrayOutputStream::toByteArray).cache();
        all.subscribe(bytes -> { }, error -> { }); // the test's block() sees the outcome
        return all;
    }

    /** The first connection of a pair, until its partner comes. */
    private record Waiting(Connection connection, Sinks.One<Connection> partner) {
    }

    /** Admits the hash twice and relays each connection of the pair to the other. */
    private Socks5Listener.Streams pairing() {
        return new Socks5Listener.Streams() {
            @Override
            public Mono<Boolean> admit(Connection connection, String dstAddr) {
                return Mono.just(dstAddr.equals(HASH));
            }

            @Override
            public Publisher<Void> carry(Connection connection, String dstAddr) {
                Waiting first = waiting.putIfAbsent(dstAddr, new Waiting(connection, Sinks.one()));
                if (first == null) { // the first of the pair: relays its partner's bytes to itself once the partner comes
                    return waiting.get(dstAddr).partner().asMono().flatMap(partner -> Socks5Listener.relay(partner, connection));
                }
                waiting.remove(dstAddr);
                first.partner().tryEmitValue(connection);
                return Socks5Listener.relay(first.connection(), connection);
            }
        };
    }
}
