package dev.starling.conformance.wire;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Waiting in wire tests for what a client receives. */
final class Arrivals {

    private Arrivals() {
    }

    /** The first item that arrives matching {@code wanted}, skipping others; fails after {@code wait}. */
    static <T> T next(BlockingQueue<T> queue, Predicate<T> wanted, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            T item = queue.poll(100, TimeUnit.MILLISECONDS);
            if (item != null && wanted.test(item)) {
                return item;
            }
        }
        throw new AssertionError("nothing wanted arrived in " + wait);
    }
}
