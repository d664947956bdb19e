package dev.starling.benchmarks.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark server in a child JVM, so that its CPU time and memory are its own: the same class path, the
 * options in {@code STARLING_BENCH_SERVER_JVM} (by default a fixed 512 MiB heap touched at start, so that its
 * resident-memory growth is what it holds outside the heap), and a main class that prints
 * {@code READY <port> <certificate PEM file>} and exits when its input closes.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader output;
    private final Writer input;
    private final InetSocketAddress address;
    private final Path certificate;

    private ChildJvm(Process process, BufferedReader output, InetSocketAddress address, Path certificate) {
        this.process = process;
        this.output = output;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.address = address;
        this.certificate = certificate;
    }

    /** Starts {@code main} with {@code args} and waits for its {@code READY} line. */
    static ChildJvm start(Class<?> main, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String extra = System.getenv().getOrDefault("STARLING_BENCH_SERVER_JVM", "-Xms512m -Xmx512m -XX:+AlwaysPreTouch");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("READY ")) {
                String[] parts = line.split(" ");
                return new ChildJvm(process, output, new InetSocketAddress("127.0.0.1", Integer.parseInt(parts[1])), Path.of(parts[2]));
            }
        }
        process.destroyForcibly();
        throw new IOException(main.getSimpleName() + " did not start");
    }

    InetSocketAddress address() {
        return address;
    }

    Path certificate() {
        return certificate;
    }

    ProcessHandle process() {
        return process.toHandle();
    }

    /** Sends {@code command} and returns the rest of the first answer line that starts with {@code command + " "}. */
    String ask(String command) throws IOException {
        input.write(command + "\n");
        input.flush();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(command + " ")) {
                return line.substring(command.length() + 1).trim();
            }
        }
        throw new IOException("the child JVM ended");
    }

    @Override
    public void close() throws Exception {
        input.close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
