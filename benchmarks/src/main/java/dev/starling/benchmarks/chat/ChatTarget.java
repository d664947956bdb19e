package dev.starling.benchmarks.chat;

import io.vavr.control.Option;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A server under the chat load: where it listens (STARTTLS on 127.0.0.1, domain
 * {@code localhost}), the certificate to trust, its process for CPU time and resident memory,
 * and, for Starling, its used heap.
 */
interface ChatTarget extends AutoCloseable {

    /** The server's name in the report. */
    String name();

    /** Its client port. */
    InetSocketAddress address();

    /** The PEM certificate clients pin. */
    Path certificate();

    /** Its process. */
    ProcessHandle process();

    /** Whether the chat accounts may have to be registered in-band first (the peers). */
    boolean registersInBand();

    /** The used heap after full collections, if the server can tell (Starling's child JVM). */
    Option<Long> heapBytes() throws IOException;

    /** The process's CPU time so far. */
    default Duration cpu() {
        return process().info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for " + name()));
    }

    /** The process's resident set size, from /proc. */
    default long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process().pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for " + name());
    }
}
