package dev.starling.conformance.wire;

import dev.starling.io.client.ClientFileTransfer;
import dev.starling.io.client.FileTransferException;
import dev.starling.io.client.IncomingFile;
import dev.starling.io.client.SendOptions;
import dev.starling.io.client.XmppClient;
import dev.starling.model.jid.Jid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
 * File transfer between two Starling clients through the Starling server over real sockets: the
 * XEP-0096 offer inside XEP-0095 stream initiation, routed to Juliet's full JID, then the bytes
 * over XEP-0047 in-band bytestreams; the received file must equal the sent one, arrive under a
 * safe name, and nothing must be left behind when the offer is refused.
 */
class FileTransferWireTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Jid JULIET = Jid.of("juliet@localhost/wire");

    private final WireFixture fixture = new WireFixture();
    private XmppClient romeo;
    private XmppClient juliet;

    @TempDir
    Path outbox;

    @TempDir
    Path inbox;

    @BeforeEach
    void connect() {
        romeo = fixture.connect(dev.starling.io.client.ClientFileTransfer.enable(fixture.config("romeo")), false);
        juliet = fixture.connect(dev.starling.io.client.ClientFileTransfer.enable(fixture.config("juliet")), false);
    }

    @AfterEach
    void stop() {
        romeo.close().block(WAIT);
        juliet.close().block(WAIT);
        fixture.close();
    }

    /** XEP-0047 §4: the chunks ride in messages (the open says {@code stanza='message'}); only the close is acknowledged, and the file arrives whole. */
    @Test
    void aFileArrivesWholeOverInBandBytestreamsInMessages() throws Exception {
        byte[] content = new byte[200_000 + 3];
        new Random(47).nextBytes(content);
        Path sent = Files.write(outbox.resolve("letter.bin"), content);
        CompletableFuture<Path> received = new CompletableFuture<>();
        var acceptor = juliet.files().offers().take(1).flatMap(offer -> offer.accept(inbox)).subscribe(received::complete, received::completeExceptionally);
        java.util.concurrent.atomic.AtomicInteger messages = new java.util.concurrent.atomic.AtomicInteger();
        juliet.stanzas().ofType(dev.starling.model.stanza.Message.class)
                .filter(m -> m.children().exists(dev.starling.model.ibb.InBandBytestream.Data.class::isInstance)).subscribe(m -> messages.incrementAndGet());

        List<ClientFileTransfer.Progress> progress = romeo.files().sendFile(JULIET, sent, SendOptions.ibb().withIbbInMessages()).collectList().block(WAIT);

        assertThat(Files.readAllBytes(received.get(30, TimeUnit.SECONDS))).isEqualTo(content);
        acceptor.dispose();
        assertThat(messages.get()).as("one message per 16 KiB chunk").isEqualTo((content.length + 16 * 1024 - 1) / (16 * 1024));
        assertThat(progress.get(progress.size() - 1).bytes()).isEqualTo(content.length);
    }

    @Test
    void aFileArrivesWholeOverInBandBytestreams() throws Exception {
        byte[] content = new byte[300_000 + 17];
        new Random(5).nextBytes(content);
        Path sent = Files.write(outbox.resolve("balcony.jpg"), content);
        CompletableFuture<Path> received = new CompletableFuture<>();
        CompletableFuture<IncomingFile> offered = new CompletableFuture<>();
        var acceptor = juliet.files().offers().doOnNext(offered::complete)
                .flatMap(offer -> offer.accept(inbox)).subscribe(received::complete, received::completeExceptionally);

        List<ClientFileTransfer.Progress> progress = romeo.files().sendFile(JULIET, sent, SendOptions.ibb().withIbbWindow(16)).collectList().block(WAIT);

        Path file = received.get(30, TimeUnit.SECONDS);
        acceptor.dispose();
        assertThat(file).isEqualTo(inbox.resolve("balcony.jpg"));
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(offered.get().from()).isEqualTo(Jid.of("romeo@localhost/wire"));
        assertThat(offered.get().size()).isEqualTo(content.length);
        assertThat(offered.get().hashAlgorithm()).contains("MD5");
        assertThat(offered.get().hash()).isNotEmpty();
        assertThat(progress).isNotEmpty().allMatch(p -> p.method().equals("http://jabber.org/protocol/ibb"));
        assertThat(progress.get(progress.size() - 1).bytes()).isEqualTo(content.length);
        assertThat(progress).extracting(ClientFileTransfer.Progress::bytes).isSorted();
        try (var left = Files.list(inbox)) {
            assertThat(left).containsExactly(file); // no partial file left behind
        }
    }

    @Test
    void aPartialFileIsResumedWithARangeAndVerifiedWhole() throws Exception {
        byte[] content = new byte[250_000];
        new Random(96).nextBytes(content);
        Path sent = Files.write(outbox.resolve("resumed.bin"), content);
        int had = 100_001;
        CompletableFuture<Path> received = new CompletableFuture<>();
        var acceptor = juliet.files().offers().take(1).flatMap(offer -> {
            try {
                Files.write(offer.partialFile(inbox), java.util.Arrays.copyOf(content, had)); // what an earlier attempt left
            } catch (IOException e) {
                return reactor.core.publisher.Mono.error(e);
            }
            return offer.resume(inbox);
        }).subscribe(received::complete, received::completeExceptionally);

        List<ClientFileTransfer.Progress> progress = romeo.files().sendFile(JULIET, sent, SendOptions.ibb().withIbbWindow(8)).collectList().block(WAIT);

        Path file = received.get(30, TimeUnit.SECONDS);
        acceptor.dispose();
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(progress.get(progress.size() - 1).total()).isEqualTo(content.length - had); // only the rest crossed the wire
        try (var left = Files.list(inbox)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aFileArrivesOverAJingleSession() throws Exception {
        byte[] content = new byte[200_000 + 3];
        new Random(234).nextBytes(content);
        Path sent = Files.write(outbox.resolve("jingle.bin"), content);
        CompletableFuture<Path> received = new CompletableFuture<>();
        CompletableFuture<IncomingFile> offered = new CompletableFuture<>();
        var acceptor = juliet.files().offers().take(1).doOnNext(offered::complete).flatMap(offer -> offer.accept(inbox))
                .subscribe(received::complete, received::completeExceptionally);

        List<ClientFileTransfer.Progress> progress = romeo.files().sendFile(JULIET, sent, SendOptions.jingle()).collectList().block(WAIT);

        Path file = received.get(30, TimeUnit.SECONDS);
        acceptor.dispose();
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
        assertThat(offered.get().hashAlgorithm()).contains("SHA-256");
        // offered with <hash-used/>: the SHA-256 came as a checksum during the transfer (XEP-0234 §8.1) and was verified
        assertThat(offered.get().hash()).contains(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(progress).isNotEmpty().allMatch(p -> p.method().equals("urn:xmpp:jingle:transports:ibb:1"));
        assertThat(progress.get(progress.size() - 1).bytes()).isEqualTo(content.length);
    }

    @Test
    void aDeclinedJingleOfferFailsTheSender() throws IOException {
        Path sent = Files.write(outbox.resolve("letter.txt"), "wherefore".getBytes());
        var refuser = juliet.files().offers().take(1).flatMap(IncomingFile::reject).subscribe();
        assertThatThrownBy(() -> romeo.files().sendFile(JULIET, sent, SendOptions.jingle()).blockLast(WAIT))
                .isInstanceOf(FileTransferException.class).hasMessageContaining("decline");
        refuser.dispose();
    }

    /** A Jingle offer whose file has no name that can be written safely ("..") is ended at once, not left open (XEP-0166 §6.7). */
    @Test
    void aJingleOfferWithoutAWritableNameIsTerminated() {
        var offers = juliet.files().offers().subscribe(offer -> { throw new AssertionError("offered to the application: " + offer.name()); });
        var config = new dev.starling.machine.jingle.JingleInitiator.Config(romeo.jid(), JULIET, "js-unsafe", new dev.starling.model.jingle.JingleFile(
                io.vavr.control.Option.none(), io.vavr.control.Option.none(), io.vavr.control.Option.none(), io.vavr.control.Option.some(".."),
                io.vavr.control.Option.some(10L), io.vavr.control.Option.none(), io.vavr.collection.Array.empty(), io.vavr.control.Option.none()),
                new dev.starling.model.jingle.JingleTransport.Ibb(4096, "ibb-unsafe"));
        var start = dev.starling.machine.jingle.JingleInitiator.step(config, dev.starling.machine.jingle.JingleInitiator.initial(config),
                new dev.starling.machine.jingle.JingleInitiator.Input.Start(), new dev.starling.machine.core.Fresh(java.time.Instant.now(), "0".repeat(96)));
        dev.starling.model.stanza.Iq initiate = ((dev.starling.machine.jingle.JingleInitiator.Output.Send) start.outputs().single()).iq();
        var terminated = romeo.stanzas().ofType(dev.starling.model.stanza.Iq.class)
                .filter(iq -> iq.payload().exists(p -> p instanceof dev.starling.model.jingle.Jingle j
                        && j.action() == dev.starling.model.jingle.JingleAction.SESSION_TERMINATE && j.sid().equals("js-unsafe")))
                .next().toFuture();
        assertThat(romeo.request(dev.starling.model.stanza.IqType.SET, io.vavr.control.Option.some(JULIET), initiate.payload().get())
                .block(WAIT).type()).isEqualTo(dev.starling.model.stanza.IqType.RESULT);
        var reason = ((dev.starling.model.jingle.Jingle) terminated.orTimeout(30, TimeUnit.SECONDS).join().payload().get()).reason();
        assertThat(reason.map(r -> r.condition())).contains("failed-application");
        offers.dispose();
    }

    /** XEP-0096 §4 and XEP-0234 §5: the offer names the file's last-modified date and the description the sender gave. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"si", "jingle"})
    void theOfferCarriesTheFilesDateAndDescription(String protocol) throws Exception {
        Path sent = Files.write(outbox.resolve("sonnet.txt"), "shall I compare thee".getBytes());
        java.time.Instant modified = java.time.Instant.parse("2001-02-03T04:05:06.789Z");
        Files.setLastModifiedTime(sent, java.nio.file.attribute.FileTime.from(modified));
        CompletableFuture<IncomingFile> offered = new CompletableFuture<>();
        var acceptor = juliet.files().offers().take(1).flatMap(offer -> {
            offered.complete(offer);
            return offer.accept(inbox);
        }).subscribe();
        SendOptions options = (protocol.equals("si") ? SendOptions.ibb() : SendOptions.jingle()).withDescription("the eighteenth");
        romeo.files().sendFile(JULIET, sent, options).blockLast(WAIT);
        IncomingFile offer = offered.get(30, TimeUnit.SECONDS);
        assertThat(offer.date()).contains(modified);
        assertThat(offer.description()).contains("the eighteenth");
        acceptor.dispose();
    }

    @Test
    void anEmptyFileAndAnUnsafeNameStayInsideTheDirectory() throws Exception {
        Path dir = Files.createDirectories(outbox.resolve("sub"));
        Path sent = Files.write(dir.resolve("empty..txt"), new byte[0]);
        CompletableFuture<Path> received = new CompletableFuture<>();
        var acceptor = juliet.files().offers().flatMap(offer -> offer.accept(inbox)).subscribe(received::complete, received::completeExceptionally);

        romeo.files().sendFile(JULIET, sent, SendOptions.ibb()).blockLast(WAIT);

        Path file = received.get(30, TimeUnit.SECONDS);
        acceptor.dispose();
        assertThat(file.getParent()).isEqualTo(inbox);
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aRefusedOfferFailsTheSenderAndWritesNothing() throws IOException {
        Path sent = Files.write(outbox.resolve("letter.txt"), "wherefore".getBytes());
        var refuser = juliet.files().offers().flatMap(IncomingFile::reject).subscribe();

        assertThatThrownBy(() -> romeo.files().sendFile(JULIET, sent).blockLast(WAIT))
                .isInstanceOf(FileTransferException.class).hasMessageContaining("DECLINED");
        refuser.dispose();
        try (var left = Files.list(inbox)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anOfferToAnAbsentResourceFails() throws IOException {
        Path sent = Files.write(outbox.resolve("letter.txt"), "wherefore".getBytes());

        assertThatThrownBy(() -> romeo.files().sendFile(Jid.of("juliet@localhost/elsewhere"), sent).blockLast(WAIT))
                .isInstanceOf(FileTransferException.class);
    }
}
