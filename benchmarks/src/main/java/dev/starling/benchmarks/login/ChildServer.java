package dev.starling.benchmarks.login;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The {@link BenchServer} child JVM: its ports, its certificate, and its CPU time so far. Extra JVM
 * options for the child come from {@code STARLING_BENCH_SERVER_JVM} (e.g. to record it with JFR).
 */
final class ChildServer implements AutoCloseable {

    private final Process process;
    final InetSocketAddress xmpp;
    final InetSocketAddress tls;
    final Path certificate;
    final InetSocketAddress clearXmpp;

    private ChildServer(Process process, InetSocketAddress xmpp, InetSocketAddress tls, Path certificate, InetSocketAddress clearXmpp) {
        this.process = process;
        this.xmpp = xmpp;
        this.tls = tls;
        this.certificate = certificate;
        this.clearXmpp = clearXmpp;
    }

    /** Starts the child with the same class path and waits for it to listen. */
    static ChildServer start() throws Exception {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(javaBinary));
        String extra = System.getenv().getOrDefault("STARLING_BENCH_SERVER_JVM", "");
        if (!extra.isBlank()) {
            command.addAll(java.util.List.of(extra.trim().split("\\s+"))); // e.g. a JFR recording of the server
        }
        command.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                String[] parts = line.split(" ");
                return new ChildServer(process, new InetSocketAddress("127.0.0.1", Integer.parseInt(parts[1])),
                        new InetSocketAddress("127.0.0.1", Integer.parseInt(parts[2])), Path.of(parts[3]),
                        new InetSocketAddress("127.0.0.1", Integer.parseInt(parts[4])));
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the benchmark server did not start");
    }

    /** The child's process id. */
    long pid() {
        return process.pid();
    }

    /** The child's CPU time (user and system) so far. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for the child"));
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
