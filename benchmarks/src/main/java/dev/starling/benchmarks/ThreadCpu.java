package dev.starling.benchmarks;

import io.vavr.collection.TreeMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A process's CPU time by kind of thread, read from {@code /proc/<pid>/task/<tid>/stat} (utime + stime, fields 14
 * and 15, in clock ticks of 10 ms): JIT compiler threads, garbage collection, and the rest. Over the measured
 * window it shows whether the JIT was still compiling (the warm-up was too short) and what the work itself cost.
 */
public final class ThreadCpu {

    /** The Linux USER_HZ: clock ticks per second of {@code /proc} times. */
    private static final long TICKS_PER_SECOND = 100;

    private ThreadCpu() {
    }

    /** CPU milliseconds so far per kind of thread ("JIT", "GC", "work"); empty where /proc cannot be read. */
    public static TreeMap<String, Long> read(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        TreeMap<String, Long> byKind = TreeMap.empty();
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                String stat = read(thread.resolve("stat"));
                if (stat.isEmpty()) {
                    continue; // the thread ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                byKind = byKind.put(kind(name), ticks * 1000 / TICKS_PER_SECOND, Long::sum);
            }
        } catch (IOException e) {
            return TreeMap.empty();
        }
        return byKind;
    }

    /** {@code after - before}, kind by kind. */
    public static TreeMap<String, Long> between(TreeMap<String, Long> before, TreeMap<String, Long> after) {
        return after.map((kind, ms) -> io.vavr.Tuple.of(kind, ms - before.get(kind).getOrElse(0L)));
    }

    private static String kind(String threadName) {
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return "JIT";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
            return "GC";
        }
        return "work";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException gone) {
            return "";
        }
    }
}
