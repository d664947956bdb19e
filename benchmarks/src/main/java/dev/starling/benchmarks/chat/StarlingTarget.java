package dev.starling.benchmarks.chat;

import io.vavr.control.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Starling server of the chat run: a {@link ChatServer} child JVM with the same class path and
 * the options in {@code STARLING_BENCH_SERVER_JVM}; by default a fixed 512 MiB heap touched at start, so that
 * its resident-memory growth per idle session is what the session holds outside the heap.
 */
final class StarlingTarget implements ChatTarget {

    private final Process process;
    private final BufferedReader output;
    private final Writer input;
    private final InetSocketAddress address;
    private final Path certificate;

    private StarlingTarget(Process process, BufferedReader output, InetSocketAddress address, Path certificate) {
        this.process = process;
        this.output = output;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.address = address;
        this.certificate = certificate;
    }

    static StarlingTarget start(int users, int ioThreads) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.List<String> command = new java.util.ArrayList<>(List.of(java));
        // A fixed heap, every page touched at start: the resident memory an idle session adds is then all
        // off-heap (BoringSSL's native TLS state, Netty's direct buffers), and the heap is read separately.
        String extra = System.getenv().getOrDefault("STARLING_BENCH_SERVER_JVM", "-Xms512m -Xmx512m -XX:+AlwaysPreTouch");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChatServer.class.getName(), Integer.toString(users), Integer.toString(ioThreads)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("READY ")) {
                String[] parts = line.split(" ");
                return new StarlingTarget(process, output, new InetSocketAddress("127.0.0.1", Integer.parseInt(parts[1])), Path.of(parts[2]));
            }
        }
        process.destroyForcibly();
        throw new IOException("the Starling chat server did not start");
    }

    @Override
    public String name() {
        return "Starling";
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
        return process.toHandle();
    }

    @Override
    public boolean registersInBand() {
        return false;
    }

    @Override
    public Option<Long> heapBytes() throws IOException {
        input.write("HEAP\n");
        input.flush();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("HEAP ")) {
                return Option.some(Long.parseLong(line.substring(5).trim()));
            }
        }
        throw new IOException("the Starling chat server ended");
    }

    @Override
    public void close() throws Exception {
        input.close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
