package dev.starling.io.client;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Keeps the disk writing while a file arrives: after every {@link #WINDOW} bytes written to a
 * part file it forces them to disk on a bounded worker (one force at a time), so that the
 * force the receiver must do before it moves a verified file into place waits for the last
 * window only, not for the whole file. The kernel would otherwise hold a quarter of a GiB dirty
 * until that final force, which took 0.2 s of a 1 s transfer here.
 */
final class Writeback {

    /** How many bytes are written between background forces. */
    static final long WINDOW = 32L << 20;

    private final FileChannel channel;
    private final long window;
    private long sinceForce;
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    Writeback(FileChannel channel) {
        this(channel, WINDOW);
    }

    /** With another window than {@link #WINDOW} (tests). */
    Writeback(FileChannel channel, long window) {
        this.channel = channel;
        this.window = window;
    }

    /** Counts bytes just written; starts a background force once a window is full and none is running. */
    void wrote(long bytes) {
        sinceForce += bytes;
        if (sinceForce >= window && inFlight.isDone()) {
            sinceForce = 0;
            inFlight = Mono.<Void>fromRunnable(this::forceData).subscribeOn(Schedulers.boundedElastic()).toFuture();
        }
    }

    /** Waits for a background force, then forces the rest of the file, its data and its metadata. */
    void finish() throws IOException {
        try {
            inFlight.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io.getCause() : new IOException("the background force failed", e.getCause());
        }
        channel.force(true);
    }

    private void forceData() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
