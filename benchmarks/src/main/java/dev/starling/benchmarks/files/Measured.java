package dev.starling.benchmarks.files;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One measured transfer: bytes, wall time, the process's CPU time and its peak resident set
 * during the transfer (the peak is reset before each run through {@code /proc/self/clear_refs}).
 *
 * @param name    what was measured
 * @param bytes   the file's size
 * @param nanos   wall time
 * @param cpuNanos CPU time of the whole process (server, proxy and both clients run in it)
 * @param peakRss peak resident set in bytes, or -1 where Linux's counters are not available
 */
record Measured(String name, long bytes, long nanos, long cpuNanos, long peakRss) {

    /** A transfer to time. */
    interface Transfer {
        void run() throws Exception;
    }

    /** Runs and measures one transfer of {@code bytes}. */
    static Measured of(String name, long bytes, Transfer transfer) throws Exception {
        resetPeak();
        long cpu = cpu();
        long start = System.nanoTime();
        transfer.run();
        long nanos = System.nanoTime() - start;
        return new Measured(name, bytes, nanos, cpu() - cpu, peak());
    }

    /**
     * The fastest of {@code runs} runs of the same transfer: for the baselines, which bound what
     * a transfer can reach, so that one slow sample of a fraction of a second on a shared VM does
     * not lower the bound.
     */
    static Measured fastestOf(int runs, String name, long bytes, Transfer transfer) throws Exception {
        return fastestOf(runs, name, bytes, transfer, () -> { });
    }

    /** The same, with an untimed step after each run (checking and removing what the run received). */
    static Measured fastestOf(int runs, String name, long bytes, Transfer transfer, Transfer afterEach) throws Exception {
        Measured best = null;
        for (int i = 0; i < runs; i++) {
            Measured next = of(name, bytes, transfer);
            afterEach.run();
            if (best == null || next.nanos < best.nanos) {
                best = next;
            }
        }
        return best;
    }

    /** MiB per second. */
    double mibPerSecond() {
        return bytes / (1024.0 * 1024.0) / (nanos / 1e9);
    }

    /** CPU seconds per GiB carried. */
    double cpuSecondsPerGib() {
        return cpuNanos / 1e9 / (bytes / (1024.0 * 1024.0 * 1024.0));
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux: the peak is then the process's since start
        }
    }

    private static long peak() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
