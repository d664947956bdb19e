package dev.starling.benchmarks.chat;

import io.vavr.control.Option;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prosody or ejabberd as {@code interop/peers.sh start} runs them (127.0.0.1, domain localhost,
 * in-band registration allowed, no traffic shaping), found through the PID file in the peers' run
 * directory ({@code STARLING_INTEROP_DIR}, default /tmp/starling-interop). Their memory is the
 * resident set of that process; they cannot report a heap.
 */
final class PeerTarget implements ChatTarget {

    private final String name;
    private final InetSocketAddress address;
    private final Path certificate;
    private final ProcessHandle process;

    private PeerTarget(String name, InetSocketAddress address, Path certificate, ProcessHandle process) {
        this.name = name;
        this.address = address;
        this.certificate = certificate;
        this.process = process;
    }

    /** The peer if it runs, else none (the report then says so). */
    static Option<ChatTarget> find(String name, String directory, int port) {
        Path run = Path.of(System.getenv().getOrDefault("STARLING_INTEROP_DIR", "/tmp/starling-interop"));
        try (Socket probe = new Socket("127.0.0.1", port)) {
            long pid = Long.parseLong(Files.readString(run.resolve(directory).resolve("run.pid")).trim());
            return ProcessHandle.of(pid).map(handle -> (ChatTarget) new PeerTarget(name, new InetSocketAddress("127.0.0.1", port),
                    run.resolve("certs").resolve("localhost.crt"), handle)).map(Option::some).orElse(Option.none());
        } catch (IOException | NumberFormatException e) {
            return Option.none();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public Path certificate() {
        return certificate;
    }

    @Override
    public ProcessHandle process() {
        return process;
    }

    @Override
    public boolean registersInBand() {
        return true;
    }

    @Override
    public Option<Long> heapBytes() {
        return Option.none();
    }

    @Override
    public void close() {
        // the peers belong to interop/peers.sh
    }
}
