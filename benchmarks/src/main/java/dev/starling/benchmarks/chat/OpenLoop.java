package dev.starling.benchmarks.chat;

import dev.starling.benchmarks.ThreadCpu;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The open loop of a chat run and what it measures: message {@code k} is due at
 * {@code start + k / rate}, from user {@code k mod users} to user {@code k+1 mod users}, whether or not
 * the server kept up; after the warm-up, the measured window records each arrival's latency from its due
 * time (HdrHistogram) and the server process's CPU time and CPU by kind of thread ({@link ThreadCpu}).
 * One instance serves one run: the receivers call {@link #arrived(long)} from any thread.
 */
final class OpenLoop {

    /** Sends one message, stamped with the time it is due. */
    interface Sender {
        void send(int from, int to, long dueNanos);
    }

    /**
     * What the window measured.
     *
     * @param due           messages due in the window
     * @param delivered     of those, arrived before {@link #run} returned
     * @param cpuMicrosEach the server's CPU microseconds per due message
     * @param latency       due-to-arrival latency in microseconds
     * @param cpuByThreads  the window's server CPU milliseconds by kind of thread
     */
    record Measured(long due, long delivered, double cpuMicrosEach, Histogram latency,
                    io.vavr.collection.TreeMap<String, Long> cpuByThreads) {
    }

    private final Recorder recorder = new Recorder(3);
    private final AtomicLong delivered = new AtomicLong();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    /** Notes the arrival now of the message due at {@code dueNanos} ({@link System#nanoTime()}), if it is in the window. */
    void arrived(long dueNanos) {
        long now = System.nanoTime();
        if (dueNanos >= windowStart && dueNanos < windowEnd) {
            recorder.recordValue(Math.max(0, (now - dueNanos) / 1000));
            delivered.incrementAndGet();
        }
    }

    /**
     * Runs the loop for {@code warmup + window}, then waits up to 10 s for the window's messages to arrive.
     *
     * @param server the server's process, for its CPU time by thread
     * @param cpu    the server's CPU time so far
     */
    Measured run(int users, double rate, Duration warmup, Duration window, ProcessHandle server, Supplier<Duration> cpu,
                 Sender sender) throws InterruptedException {
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        windowStart = start + warmup.toNanos();
        windowEnd = windowStart + window.toNanos();
        Duration cpuBefore = null;
        io.vavr.collection.TreeMap<String, Long> threadsBefore = io.vavr.collection.TreeMap.empty();
        long due = 0;
        for (long k = 0; ; k++) {
            long at = start + k * interval;
            if (at >= windowEnd) {
                break;
            }
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (cpuBefore == null && at >= windowStart) {
                cpuBefore = cpu.get();
                threadsBefore = ThreadCpu.read(server.pid());
                recorder.getIntervalHistogram(); // drop the warm-up
            }
            if (at >= windowStart) {
                due++;
            }
            int from = (int) (k % users);
            sender.send(from, from + 1 == users ? 0 : from + 1, at);
        }
        Duration spent = cpu.get().minus(cpuBefore);
        io.vavr.collection.TreeMap<String, Long> byThreads = ThreadCpu.between(threadsBefore, ThreadCpu.read(server.pid()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (delivered.get() < due && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return new Measured(due, delivered.get(), spent.toNanos() / 1e3 / Math.max(1, due), recorder.getIntervalHistogram(), byThreads);
    }
}
