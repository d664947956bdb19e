package dev.starling.conformance.wire;

import dev.starling.io.client.ClientFileTransfer;
import dev.starling.io.client.FileTransferException;
import dev.starling.io.client.SendOptions;
import dev.starling.io.client.XmppClient;
import dev.starling.io.server.ProxySettings;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.ibb.InBandBytestream;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SOCKS5 bytestream file transfer (XEP-0065 under XEP-0096, and XEP-0260 under Jingle) between
 * two Starling clients on real sockets: through the Starling server's proxy (discovered over
 * disco, §4), directly to the sender's own streamhost on loopback (§5), and the fallback to IBB
 * when the announced proxy cannot be reached (for Jingle, a transport-replace).
 */
class Socks5TransferWireTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Jid JULIET = Jid.of("juliet@localhost/wire");

    private WireFixture fixture;
    private XmppClient romeo;
    private XmppClient juliet;

    @TempDir
    Path outbox;

    @TempDir
    Path inbox;

    private void start(ProxySettings proxy) {
        fixture = new WireFixture(proxy);
        romeo = fixture.connect(dev.starling.io.client.ClientFileTransfer.enable(fixture.config("romeo")), false);
        juliet = fixture.connect(dev.starling.io.client.ClientFileTransfer.enable(fixture.config("juliet")), false);
    }

    @AfterEach
    void stop() {
        romeo.close().block(WAIT);
        juliet.close().block(WAIT);
        fixture.close();
    }

    /** Sends {@code size} random bytes with these options; returns the progress and checks the received copy. */
    private List<ClientFileTransfer.Progress> transfer(int size, SendOptions options) throws Exception {
        return transfer(size, options, offer -> offer.accept(inbox));
    }

    /** Sends {@code size} random bytes with these options, the receiver accepting this way; returns the progress and checks the copy. */
    private List<ClientFileTransfer.Progress> transfer(int size, SendOptions options,
                                                       java.util.function.Function<dev.starling.io.client.IncomingFile, reactor.core.publisher.Mono<Path>> accepting)
            throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path sent = Files.write(outbox.resolve("verona.bin"), content);
        CompletableFuture<Path> received = new CompletableFuture<>();
        var acceptor = juliet.files().offers().flatMap(accepting).subscribe(received::complete, received::completeExceptionally);
        try {
            List<ClientFileTransfer.Progress> progress = romeo.files().sendFile(JULIET, sent, options).collectList().block(WAIT);
            Path file = received.get(30, TimeUnit.SECONDS);
            assertThat(Files.readAllBytes(file)).isEqualTo(content);
            try (var left = Files.list(inbox)) {
                assertThat(left).containsExactly(file);
            }
            return progress;
        } finally {
            acceptor.dispose();
        }
    }

    /**
     * XEP-0096's fallback after the receiver already reached a streamhost: Romeo (driven by hand)
     * offers the proxy, Juliet connects and answers streamhost-used, Romeo never activates and
     * sends the file in-band on the same sid instead, slowly, for longer than the proxy keeps an
     * unactivated connection (1 s here). The proxy then drops Juliet's half of the pair; that must
     * not fail the in-band transfer, which arrives whole.
     */
    @Test
    void aFallbackAfterStreamhostUsedIsNotFailedByTheAbandonedConnection() throws Exception {
        start(ProxySettings.defaults().withPort(0).withLimits(256, Duration.ofSeconds(1)));
        byte[] content = new byte[5 * 1000];
        new Random(96).nextBytes(content);
        CompletableFuture<Path> received = new CompletableFuture<>();
        var acceptor = juliet.files().offers().take(1).flatMap(offer -> offer.accept(inbox)).subscribe(received::complete, received::completeExceptionally);
        try {
            String sid = "fallback-sid";
            var file = new dev.starling.model.si.FileTransfer(Option.some("late.bin"), Option.some((long) content.length), Option.none(),
                    Option.none(), Option.none(), Option.none());
            Iq offer = dev.starling.machine.si.SiNegotiation.offer("si1", JULIET, sid, file, Option.none(),
                    io.vavr.collection.Array.of(BytestreamQuery.NAMESPACE, dev.starling.model.ibb.InBandBytestream.NAMESPACE));
            assertThat(romeo.request(IqType.SET, Option.some(JULIET), offer.payload().get()).block(WAIT).type()).isEqualTo(IqType.RESULT);
            Iq used = romeo.request(IqType.SET, Option.some(JULIET),
                    BytestreamQuery.offer(sid, io.vavr.collection.Array.of(fixture.server.proxy().get()))).block(WAIT);
            assertThat(used.firstChild(BytestreamQuery.class).get().used().isDefined()).as("Juliet reached the proxy").isTrue();

            assertThat(romeo.request(IqType.SET, Option.some(JULIET), new dev.starling.model.ibb.InBandBytestream.Open(1000, sid,
                    dev.starling.model.ibb.InBandBytestream.Carrier.IQ)).block(WAIT).type()).isEqualTo(IqType.RESULT);
            for (int seq = 0; seq < 5; seq++) {
                Thread.sleep(400); // 2 s in all: the proxy drops the unactivated connection meanwhile
                Iq ack = romeo.request(IqType.SET, Option.some(JULIET), new dev.starling.model.ibb.InBandBytestream.Data(seq, sid,
                        dev.starling.model.Bytes.of(java.util.Arrays.copyOfRange(content, seq * 1000, seq * 1000 + 1000)))).block(WAIT);
                assertThat(ack.type()).as("chunk " + seq).isEqualTo(IqType.RESULT);
            }
            romeo.request(IqType.SET, Option.some(JULIET), new dev.starling.model.ibb.InBandBytestream.Close(sid)).block(WAIT);
            assertThat(Files.readAllBytes(received.get(30, TimeUnit.SECONDS))).isEqualTo(content);
        } finally {
            acceptor.dispose();
        }
    }

    /**
     * An activated pair that carries bytes stays open; once neither side sends for the relay idle
     * time (1 s here), the proxy closes both connections, so an abandoned transfer holds nothing.
     */
    @Test
    void theProxyClosesARelayThatFallsSilent() throws Exception {
        start(ProxySettings.defaults().withPort(0).withRelayIdle(Duration.ofSeconds(1)));
        var proxy = fixture.server.proxy().get();
        String sid = "silent-sid";
        String dstAddr = dev.starling.machine.jingle.Candidates.dstAddr(sid, romeo.jid(), juliet.jid());
        var fromRomeo = dev.starling.io.bytestreams.Socks5Connector.connect(proxy.host(), proxy.port(), dstAddr, WAIT).block(WAIT);
        var toJuliet = dev.starling.io.bytestreams.Socks5Connector.connect(proxy.host(), proxy.port(), dstAddr, WAIT).block(WAIT);
        CompletableFuture<Void> romeoClosed = new CompletableFuture<>();
        CompletableFuture<Void> julietClosed = new CompletableFuture<>();
        fromRomeo.onDispose(() -> romeoClosed.complete(null));
        toJuliet.onDispose(() -> julietClosed.complete(null));
        java.util.concurrent.atomic.AtomicLong arrived = new java.util.concurrent.atomic.AtomicLong();
        toJuliet.inbound().receive().subscribe(buffer -> arrived.addAndGet(buffer.readableBytes()));
        assertThat(romeo.request(IqType.SET, Option.some(proxy.jid()), BytestreamQuery.activation(sid, juliet.jid())).block(WAIT).type())
                .isEqualTo(IqType.RESULT);

        for (int i = 0; i < 6; i++) { // 1.8 s of traffic, a byte every 300 ms: never silent for a whole second
            fromRomeo.outbound().sendByteArray(reactor.core.publisher.Mono.just(new byte[]{(byte) i})).then().block(WAIT);
            Thread.sleep(300);
        }
        assertThat(romeoClosed).as("open while bytes flow").isNotDone();
        assertThat(julietClosed).isNotDone();
        romeoClosed.get(10, TimeUnit.SECONDS); // then silence: both closed
        julietClosed.get(10, TimeUnit.SECONDS);
        assertThat(arrived.get()).isEqualTo(6);
    }

    @Test
    void theServerAnnouncesItsProxyAndItsAddress() {
        start(ProxySettings.defaults().withPort(0));
        Jid proxy = Jid.of("proxy.localhost");
        assertThat(romeo.discoItems(Option.none()).block(WAIT).items()).anyMatch(item -> item.jid().equals(proxy));
        DiscoInfo info = romeo.discoInfo(Option.some(proxy)).block(WAIT);
        assertThat(info.identities()).anyMatch(id -> id.category().equals("proxy") && id.type().equals("bytestreams"));
        assertThat(info.features()).contains(BytestreamQuery.NAMESPACE);
        Streamhost host = romeo.request(IqType.GET, Option.some(proxy), BytestreamQuery.addressRequest()).block(WAIT)
                .firstChild(BytestreamQuery.class).get().streamhosts().single();
        assertThat(host).isEqualTo(fixture.server.proxy().get());
        assertThat(host.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void aFileGoesThroughTheServersProxy() throws Exception {
        start(ProxySettings.defaults().withPort(0));
        List<ClientFileTransfer.Progress> progress = transfer(3 * 1024 * 1024 + 5, SendOptions.socks5());
        assertThat(progress).isNotEmpty().allMatch(p -> p.method().equals(BytestreamQuery.NAMESPACE));
        assertThat(progress.get(progress.size() - 1).bytes()).isEqualTo(3 * 1024 * 1024 + 5);
    }

    @Test
    void aFileGoesDirectlyToTheSendersOwnStreamhost() throws Exception {
        start(ProxySettings.defaults().withPort(0));
        List<ClientFileTransfer.Progress> progress = transfer(1_500_000, SendOptions.socks5().withProxy(false).withDirectHost("127.0.0.1"));
        assertThat(progress).isNotEmpty().allMatch(p -> p.method().equals(BytestreamQuery.NAMESPACE));
    }

    @Test
    void aPartialFileIsResumedThroughTheProxy() throws Exception {
        start(ProxySettings.defaults().withPort(0));
        byte[] content = new byte[2_000_000];
        new Random(65).nextBytes(content);
        Path sent = Files.write(outbox.resolve("resumed.bin"), content);
        CompletableFuture<Path> received = new CompletableFuture<>();
        var acceptor = juliet.files().offers().take(1).flatMap(offer -> {
            try {
                Files.write(offer.partialFile(inbox), java.util.Arrays.copyOf(content, 1_234_567));
            } catch (java.io.IOException e) {
                return reactor.core.publisher.Mono.error(e);
            }
            return offer.resume(inbox);
        }).subscribe(received::complete, received::completeExceptionally);
        List<ClientFileTransfer.Progress> progress = romeo.files().sendFile(JULIET, sent, SendOptions.socks5()).collectList().block(WAIT);
        assertThat(Files.readAllBytes(received.get(30, TimeUnit.SECONDS))).isEqualTo(content);
        assertThat(progress.get(progress.size() - 1).total()).isEqualTo(content.length - 1_234_567);
        acceptor.dispose();
    }

    @Test
    void anEmptyFileGoesThroughTheProxy() throws Exception {
        start(ProxySettings.defaults().withPort(0));
        transfer(0, SendOptions.socks5());
    }

    @Test
    void whenTheProxyCannotBeReachedTheTransferFallsBackToIbb() throws Exception {
        start(ProxySettings.defaults().withPort(0).withAnnouncedHost("127.0.0.9")); // nothing listens there
        List<ClientFileTransfer.Progress> progress = transfer(200_000, SendOptions.auto());
        assertThat(progress).isNotEmpty().allMatch(p -> p.method().equals(InBandBytestream.NAMESPACE));
    }

    @Test
    void aJingleSessionCarriesTheFileThroughTheProxy() throws Exception {
        start(ProxySettings.defaults().withPort(0));
        List<ClientFileTransfer.Progress> progress = transfer(2_500_000, SendOptions.jingleSocks5());
        assertThat(progress).isNotEmpty().allMatch(p -> p.method().equals("urn:xmpp:jingle:transports:s5b:1"));
    }

    @Test
    void aJingleSessionUsesTheSendersOwnCandidate() throws Exception {
        start(ProxySettings.defaults().withPort(0));
        List<ClientFileTransfer.Progress> progress = transfer(1_000_000, SendOptions.jingleSocks5().withProxy(false).withDirectHost("127.0.0.1"));
        assertThat(progress).isNotEmpty().allMatch(p -> p.method().equals("urn:xmpp:jingle:transports:s5b:1"));
    }

    @Test
    void aJingleSessionUsesTheReceiversOwnCandidateWhenTheSendersFail() throws Exception {
        start(ProxySettings.defaults().withPort(0).withAnnouncedHost("127.0.0.9")); // the sender's only candidate cannot be reached
        List<ClientFileTransfer.Progress> progress = transfer(1_200_000, SendOptions.jingleSocks5(), offer -> offer.accept(inbox, "127.0.0.1"));
        assertThat(progress).isNotEmpty().allMatch(p -> p.method().equals("urn:xmpp:jingle:transports:s5b:1"));
    }

    @Test
    void aJingleSessionWithDirectCandidatesOnBothSidesCarriesTheFile() throws Exception {
        start(ProxySettings.defaults().withPort(0));
        List<ClientFileTransfer.Progress> progress = transfer(1_100_000, SendOptions.jingleSocks5().withDirectHost("127.0.0.1"),
                offer -> offer.accept(inbox, "127.0.0.1"));
        assertThat(progress).isNotEmpty().allMatch(p -> p.method().equals("urn:xmpp:jingle:transports:s5b:1"));
    }

    @Test
    void aJingleSessionReplacesAnUnreachableProxyWithIbb() throws Exception {
        start(ProxySettings.defaults().withPort(0).withAnnouncedHost("127.0.0.9"));
        List<ClientFileTransfer.Progress> progress = transfer(150_000, SendOptions.jingleSocks5());
        assertThat(progress).isNotEmpty().allMatch(p -> p.method().equals("urn:xmpp:jingle:transports:ibb:1"));
    }

    @Test
    void withoutAFallbackAnUnreachableProxyFailsTheSender() throws Exception {
        start(ProxySettings.defaults().withPort(0).withAnnouncedHost("127.0.0.9"));
        Path sent = Files.write(outbox.resolve("letter.txt"), "wherefore".getBytes());
        var acceptor = juliet.files().offers().flatMap(offer -> offer.accept(inbox).onErrorResume(e -> reactor.core.publisher.Mono.empty())).subscribe();
        assertThatThrownBy(() -> romeo.files().sendFile(JULIET, sent, SendOptions.socks5()).blockLast(WAIT))
                .isInstanceOf(FileTransferException.class).hasMessageContaining("item-not-found");
        acceptor.dispose();
    }
}
