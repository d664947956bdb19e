package dev.starling.conformance.wire;

import dev.starling.io.client.ClientFileTransfer;
import dev.starling.io.client.FileTransferException;
import dev.starling.io.client.SendOptions;
import dev.starling.io.client.XmppClient;
import dev.starling.io.server.ProxySettings;
import dev.starling.model.jid.Jid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A peer that goes away in the middle of a transfer: the sender of a SOCKS5 bytestream stops
 * after some bytes (the receiver sees the stream end short, fails, and leaves no file), and the
 * receiver of an in-band bytestream logs out (the sender's next chunk is refused by the server
 * and the sender fails instead of waiting).
 */
class VanishingPeerWireTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Jid JULIET = Jid.of("juliet@localhost/wire");

    private final WireFixture fixture = new WireFixture(ProxySettings.defaults().withPort(0));
    private final XmppClient romeo = fixture.connect(ClientFileTransfer.enable(fixture.config("romeo")), false);
    private final XmppClient juliet = fixture.connect(ClientFileTransfer.enable(fixture.config("juliet")), false);

    @TempDir
    Path outbox;

    @TempDir
    Path inbox;

    @AfterEach
    void stop() {
        romeo.close().block(WAIT);
        juliet.close().block(WAIT);
        fixture.close();
    }

    private Path file(int size) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return Files.write(outbox.resolve("long.bin"), content);
    }

    @Test
    void aSenderThatStopsMidStreamLeavesTheReceiverWithAFailureAndNoFile() throws Exception {
        Path sent = file(64 * 1024 * 1024);
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        var acceptor = juliet.files().offers().take(1).flatMap(offer -> offer.accept(inbox))
                .subscribe(path -> failed.completeExceptionally(new AssertionError("completed: " + path)), failed::complete);
        CountDownLatch started = new CountDownLatch(1);
        Disposable sending = romeo.files().sendFile(JULIET, sent, SendOptions.socks5()).subscribe(progress -> started.countDown());
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        sending.dispose(); // the sender goes away: its bytestream closes short

        assertThat(failed.get(30, TimeUnit.SECONDS)).isInstanceOf(FileTransferException.class).hasMessageContaining("ended after");
        acceptor.dispose();
        try (var left = Files.list(inbox)) {
            assertThat(left).isEmpty();
        }
    }

    /**
     * The sender logs out mid-transfer (over IBB, and over a Jingle session over IBB): its
     * unavailable presence reaches the receiver (they are subscribed both ways), whose ping to the
     * sender's resource comes back as the server's error, so the receiver fails at once, keeps no
     * file, and does not wait out the 60 s idle limit.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ibb", "jingle"})
    void aSenderThatLogsOutFailsTheReceiverPromptly(String method) throws Exception {
        PresenceWireTest.subscribeBothWays(juliet, romeo);
        juliet.available().block(WAIT);
        romeo.available().block(WAIT);
        Path sent = file(16 * 1024 * 1024);
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        var acceptor = juliet.files().offers().take(1).flatMap(offer -> offer.accept(inbox))
                .subscribe(path -> failed.completeExceptionally(new AssertionError("completed: " + path)), failed::complete);
        CountDownLatch started = new CountDownLatch(1);
        romeo.files().sendFile(JULIET, sent, method.equals("ibb") ? SendOptions.ibb() : SendOptions.jingle())
                .subscribe(progress -> started.countDown(), error -> { });
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        long gone = System.nanoTime();
        romeo.close().block(WAIT); // gone, mid-stream, without a word about the transfer

        assertThat(failed.get(20, TimeUnit.SECONDS)).isInstanceOf(FileTransferException.class).hasMessageContaining("went offline");
        assertThat(Duration.ofNanos(System.nanoTime() - gone)).isLessThan(Duration.ofSeconds(20));
        acceptor.dispose();
        try (var left = Files.list(inbox)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aReceiverThatLogsOutFailsTheInBandSender() throws Exception {
        Path sent = file(8 * 1024 * 1024);
        CountDownLatch receiving = new CountDownLatch(1);
        var acceptor = juliet.files().offers().take(1).doOnNext(offer -> receiving.countDown()).flatMap(offer -> offer.accept(inbox))
                .subscribe(null, error -> { });
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        // a chunk that reached Juliet's session as she left is answered for her by the server, so the default 60 s answer
        // timeout never decides
        romeo.files().sendFile(JULIET, sent, SendOptions.ibb()).subscribe(progress -> {
            if (progress.bytes() > 64 * 1024 && receiving.getCount() == 0) {
                juliet.close().subscribe(); // gone, mid-stream
            }
        }, failed::complete, () -> failed.completeExceptionally(new AssertionError("the transfer completed")));

        assertThat(failed.get(30, TimeUnit.SECONDS)).isInstanceOf(FileTransferException.class);
        acceptor.dispose();
        // the server's service-unavailable for the chunk she left unanswered or for the next one (RFC 6121 §8.5.3.2.3)
        assertThat(failed.get().getMessage()).contains("the in-band bytestream failed");
    }
}
