package dev.starling.conformance.interop;

import org.jivesoftware.smackx.filetransfer.FileTransfer;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** What the Smack file-transfer interop tests share: waiting for Smack's transfer to end, and random content. */
final class SmackFiles {

    private SmackFiles() {
    }

    /** Waits until Smack reports the transfer done, at most {@code wait}. */
    static void awaitDone(FileTransfer transfer, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (!transfer.isDone() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50); // Smack reports its progress only by polling
        }
    }

    /** {@code size} random bytes, seeded by the size. */
    static byte[] random(int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        return content;
    }
}
