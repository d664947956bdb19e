package dev.starling.conformance.wire;

import dev.starling.io.client.ClientFileTransfer;
import dev.starling.io.client.FileTransferException;
import dev.starling.io.client.SendOptions;
import dev.starling.io.client.XmppClient;
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
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancelling a transfer from either side tells the other side at once, the way its method
 * defines (measured against the 60 s a silent peer would take to time out): disposing the
 * sender's progress closes the in-band bytestream (XEP-0047 §2.3) or ends the Jingle session
 * with {@code cancel} (XEP-0166 §6.7), so the receiver fails and keeps no file; disposing the
 * receiver's {@code accept} does the same the other way, so the sender fails instead of waiting.
 */
class CancelledTransferWireTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(15);
    private static final Jid JULIET = Jid.of("juliet@localhost/wire");

    private final WireFixture fixture = new WireFixture();
    private final XmppClient romeo = fixture.connect(ClientFileTransfer.enable(fixture.config("romeo")), false);
    private final XmppClient juliet = fixture.connect(ClientFileTransfer.enable(fixture.config("juliet")), false);

    @TempDir
    Path outbox;

    @TempDir
    Path inbox;

    @AfterEach
    void stop() {
        romeo.close().block(PROMPTLY);
        juliet.close().block(PROMPTLY);
        fixture.close();
    }

    @Test
    void aSenderThatCancelsAnInBandTransferClosesItForTheReceiver() throws Exception {
        assertTheReceiverLearnsOfTheSendersCancel(SendOptions.ibb(), "received");
    }

    @Test
    void aSenderThatCancelsAJingleSessionEndsItWithCancel() throws Exception {
        assertTheReceiverLearnsOfTheSendersCancel(SendOptions.jingle(), "cancel");
    }

    @Test
    void aReceiverThatCancelsAnInBandTransferClosesItForTheSender() throws Exception {
        assertTheSenderLearnsOfTheReceiversCancel(SendOptions.ibb(), "closed the bytestream");
    }

    @Test
    void aReceiverThatCancelsAJingleSessionEndsItWithCancel() throws Exception {
        assertTheSenderLearnsOfTheReceiversCancel(SendOptions.jingle(), "cancel");
    }

    private void assertTheReceiverLearnsOfTheSendersCancel(SendOptions options, String told) throws Exception {
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        var acceptor = juliet.files().offers().take(1).flatMap(offer -> offer.accept(inbox))
                .subscribe(path -> failed.completeExceptionally(new AssertionError("completed: " + path)), failed::complete);
        CountDownLatch started = new CountDownLatch(1);
        Disposable sending = romeo.files().sendFile(JULIET, file(), options).subscribe(progress -> started.countDown(), error -> { });
        assertThat(started.await(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).isTrue();
        sending.dispose();

        assertThat(failed.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(FileTransferException.class).hasMessageContaining(told);
        acceptor.dispose();
        try (var left = Files.list(inbox)) {
            assertThat(left).as("no file, not even a partial one").isEmpty();
        }
    }

    private void assertTheSenderLearnsOfTheReceiversCancel(SendOptions options, String told) throws Exception {
        AtomicReference<Disposable> accepting = new AtomicReference<>();
        CountDownLatch offered = new CountDownLatch(1);
        var offers = juliet.files().offers().take(1).subscribe(offer -> {
            accepting.set(offer.accept(inbox).subscribe(null, error -> { }));
            offered.countDown();
        });
        CompletableFuture<Throwable> failed = new CompletableFuture<>();
        romeo.files().sendFile(JULIET, file(), options).subscribe(progress -> {
            if (progress.bytes() > 0 && offered.getCount() == 0) {
                accepting.get().dispose(); // the receiver cancels mid-stream
            }
        }, failed::complete, () -> failed.completeExceptionally(new AssertionError("the transfer completed")));

        assertThat(failed.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(FileTransferException.class).hasMessageContaining(told);
        offers.dispose();
        try (var left = Files.list(inbox)) {
            assertThat(left).isEmpty();
        }
    }

    private Path file() throws Exception {
        byte[] content = new byte[16 * 1024 * 1024];
        new Random(7).nextBytes(content);
        return Files.write(outbox.resolve("long.bin"), content);
    }
}
