package dev.starling.benchmarks.login;

import dev.starling.benchmarks.ThreadCpu;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded closed-loop load: {@code concurrency} workers repeat one operation until the
 * duration has passed, and the run reports how many completed and how many failed, with the
 * server child's CPU time over the same interval.
 */
final class LoadRun {

    /** One operation (a login, a handshake). */
    interface Operation {
        void run(int worker) throws Exception;
    }

    /**
     * What a run measured.
     *
     * @param completed operations that succeeded
     * @param failed    operations that threw
     * @param elapsed   wall-clock time
     * @param serverCpu the server child's CPU time over the run
     * @param jitMillis of that, the JIT compiler threads' milliseconds ({@link ThreadCpu})
     */
    record Outcome(long completed, long failed, Duration elapsed, Duration serverCpu, long jitMillis) {

        double perSecond() {
            return completed / (elapsed.toNanos() / 1e9);
        }

        double serverCpuMillisEach() {
            return serverCpu.toNanos() / 1e6 / Math.max(1, completed);
        }
    }

    private LoadRun() {
    }

    static Outcome run(ChildServer server, int concurrency, Duration duration, Operation operation) throws Exception {
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        Duration cpuBefore = server.cpu();
        io.vavr.collection.TreeMap<String, Long> threadsBefore = ThreadCpu.read(server.pid());
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            workers.submit(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        operation.run(worker);
                        completed.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long jit = ThreadCpu.between(threadsBefore, ThreadCpu.read(server.pid())).get("JIT").getOrElse(0L);
        return new Outcome(completed.get(), failed.get(), elapsed, server.cpu().minus(cpuBefore), jit);
    }
}
