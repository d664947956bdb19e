package dev.starling.benchmarks.login;

import dev.starling.benchmarks.ChildJvm;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@link BenchServer} child JVM ({@link ChildJvm}): its ports, its certificate, and its CPU time so far. Extra JVM
 * options for the child come from {@code STARLING_BENCH_SERVER_JVM} (e.g. to record it with JFR).
 */
final class ChildServer implements AutoCloseable {

    private final ChildJvm child;
    final InetSocketAddress xmpp;
    final InetSocketAddress tls;
    final Path certificate;
    final InetSocketAddress clearXmpp;

    private ChildServer(ChildJvm child) {
        this.child = child;
        this.xmpp = child.port(0);
        this.tls = child.port(1);
        this.certificate = child.path(2);
        this.clearXmpp = child.port(3);
    }

    /** Starts the child with the same class path and waits for it to listen. */
    static ChildServer start() throws Exception {
        return new ChildServer(ChildJvm.start(BenchServer.class, java.util.List.of(), ""));
    }

    /** The child's process id. */
    long pid() {
        return child.process().pid();
    }

    /** The child's CPU time (user and system) so far. */
    Duration cpu() {
        return child.process().info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for the child"));
    }

    @Override
    public void close() throws Exception {
        child.close();
    }
}
