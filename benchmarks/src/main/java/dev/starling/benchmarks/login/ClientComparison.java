package dev.starling.benchmarks.login;

import dev.starling.io.client.XmppClient;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starling's client against Smack's, against the same server in the same run: connect-and-login
 * latency (TCP, STARTTLS, SCRAM-SHA-1, bind), sampled alternately so that drift hits both, and
 * the heap each connected client retains (used heap after full GCs, with and without N clients).
 */
final class ClientComparison {

    /**
     * Latency percentiles in milliseconds.
     *
     * @param median the 50th percentile
     * @param p90    the 90th percentile
     */
    record Latency(double median, double p90) {
    }

    /**
     * The comparison's figures.
     *
     * @param starling      Starling's latency
     * @param smack         Smack's latency
     * @param starlingBytes heap retained per connected Starling client
     * @param smackBytes    heap retained per connected Smack connection
     * @param sharedBytes   heap retained per connected Starling client when all share one TLS context
     */
    record Result(Latency starling, Latency smack, long starlingBytes, long smackBytes, long sharedBytes) {
    }

    private ClientComparison() {
    }

    static Result run(Clients clients, int warmup, int samples, int connected) throws Exception {
        for (int i = 0; i < warmup; i++) {
            clients.starling(i % BenchServer.ACCOUNTS, 0).close().block(Duration.ofSeconds(10));
            clients.smack(i % BenchServer.ACCOUNTS, 0).disconnect();
        }
        double[] starling = new double[samples];
        double[] smack = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            XmppClient client = clients.starling(i % BenchServer.ACCOUNTS, 0);
            starling[i] = (System.nanoTime() - start) / 1e6;
            client.close().block(Duration.ofSeconds(10));
            start = System.nanoTime();
            XMPPTCPConnection connection = clients.smack(i % BenchServer.ACCOUNTS, 0);
            smack[i] = (System.nanoTime() - start) / 1e6;
            connection.disconnect();
        }
        long starlingBytes = retained(connected, slot -> {
            XmppClient client = clients.starling(slot % BenchServer.ACCOUNTS, slot);
            return () -> client.close().block(Duration.ofSeconds(10));
        });
        long smackBytes = retained(connected, slot -> {
            XMPPTCPConnection connection = clients.smack(slot % BenchServer.ACCOUNTS, slot);
            return connection::disconnect;
        });
        long sharedBytes = retained(connected, slot -> {
            XmppClient client = clients.starlingSharingTls(slot % BenchServer.ACCOUNTS, slot);
            return () -> client.close().block(Duration.ofSeconds(10));
        });
        return new Result(percentiles(starling), percentiles(smack), starlingBytes, smackBytes, sharedBytes);
    }

    private interface Connect {
        AutoCloseable open(int slot) throws Exception;
    }

    /** Heap used after GC with {@code count} connected clients, minus before, divided by {@code count}. */
    private static long retained(int count, Connect connect) throws Exception {
        long before = usedAfterGc();
        List<AutoCloseable> open = new ArrayList<>();
        for (int slot = 0; slot < count; slot++) {
            open.add(connect.open(slot));
        }
        long after = usedAfterGc();
        for (AutoCloseable client : open) {
            client.close();
        }
        return (after - before) / count;
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Latency percentiles(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Latency(sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.9) - 1]);
    }
}
