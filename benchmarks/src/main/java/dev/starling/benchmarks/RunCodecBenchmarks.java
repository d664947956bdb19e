package dev.starling.benchmarks;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs {@link DecodeBenchmark} and {@link EncodeBenchmark} with fixed settings (one fork, 3 x 2 s
 * warm-up, 5 x 2 s measurement, GC profiler) and prints Markdown tables of the scores and of the
 * ratios published: each decode path relative to the Aalto raw event loop, each encode path
 * relative to Starling's element-to-bytes encoder, all from the same run.
 *
 * <p>Usage: {@code java -cp benchmarks/target/starling-benchmarks.jar
 * dev.starling.benchmarks.RunCodecBenchmarks [extra JMH options]}; extra options (such as
 * {@code -prof stack}) are added, the settings above always win.
 */
public final class RunCodecBenchmarks {

    private RunCodecBenchmarks() {
    }

    /** Runs the benchmarks and prints the tables. */
    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(DecodeBenchmark.class.getName() + "\\.")
                .include(EncodeBenchmark.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(2))
                .addProfiler(GCProfiler.class)
                .build();
        Map<String, RunResult> byName = new LinkedHashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String benchmark = result.getParams().getBenchmark();
            byName.put(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1), result);
        }
        StanzaCorpus corpus = StanzaCorpus.standard();
        System.out.println();
        System.out.println("Corpus: " + corpus.describe());
        System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
        System.out.println();
        System.out.println("Decode (bytes in 4 KiB chunks to stanzas), relative to DecodeBenchmark.aaltoRawEventLoop:");
        printTable(byName, "DecodeBenchmark.", "aaltoRawEventLoop", corpus);
        System.out.println();
        System.out.println("Encode (stanzas to wire form), relative to EncodeBenchmark.starlingElementToBytes"
                + " (MB/s counts the corpus bytes the stanzas came from, not the output):");
        printTable(byName, "EncodeBenchmark.", "starlingElementToBytes", corpus);
    }

    private static void printTable(Map<String, RunResult> results, String prefix, String baseline, StanzaCorpus corpus) {
        RunResult base = results.get(prefix + baseline);
        System.out.println("| benchmark | ops/s (± 99.9%) | MB/s | stanzas/s | µs/stanza | alloc B/stanza | ratio |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        results.forEach((name, result) -> {
            if (!name.startsWith(prefix)) {
                return;
            }
            Result<?> primary = result.getPrimaryResult();
            double ops = primary.getScore();
            double stanzasPerSecond = ops * corpus.stanzaCount();
            System.out.printf("| %s | %,.0f ± %,.0f | %,.1f | %,.0f | %.2f | %s | %s |%n",
                    name.substring(prefix.length()), ops, primary.getScoreError(),
                    ops * corpus.totalBytes() / 1e6, stanzasPerSecond, 1e6 / stanzasPerSecond,
                    allocationPerStanza(result, corpus),
                    base == null ? "n/a" : String.format("%.3f", ops / base.getPrimaryResult().getScore()));
        });
    }

    private static String allocationPerStanza(RunResult result, StanzaCorpus corpus) {
        Result<?> normalized = result.getSecondaryResults().get("gc.alloc.rate.norm");
        return normalized == null ? "n/a" : String.format("%,.0f", normalized.getScore() / corpus.stanzaCount());
    }
}
