package dev.starling.benchmarks;

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
 * A benchmark server in a child JVM, so that its CPU time and memory are its own: the same class path, the JVM
 * options in {@code STARLING_BENCH_SERVER_JVM} (or the caller's default, e.g. a pinned heap), and a main class that
 * prints one line {@code READY <word>...} (its ports, its certificate's PEM file) and exits when its input closes.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader output;
    private final Writer input;
    private final List<String> ready;

    private ChildJvm(Process process, BufferedReader output, List<String> ready) {
        this.process = process;
        this.output = output;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.ready = ready;
    }

    /** Starts {@code main} with {@code args} and waits for its {@code READY} line. */
    public static ChildJvm start(Class<?> main, List<String> args, String defaultJvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String extra = System.getenv().getOrDefault("STARLING_BENCH_SERVER_JVM", defaultJvmOptions);
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("READY ")) {
                return new ChildJvm(process, output, List.of(line.substring(6).trim().split(" ")));
            }
        }
        process.destroyForcibly();
        throw new IOException(main.getSimpleName() + " did not start");
    }

    /** The loopback address whose port is the {@code index}th word of the {@code READY} line. */
    public InetSocketAddress port(int index) {
        return new InetSocketAddress("127.0.0.1", Integer.parseInt(ready.get(index)));
    }

    /** The file named by the {@code index}th word of the {@code READY} line. */
    public Path path(int index) {
        return Path.of(ready.get(index));
    }

    /** The child's process. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Sends {@code command} and returns the rest of the first answer line that starts with {@code command + " "}. */
    public String ask(String command) throws IOException {
        input.write(command + "\n");
        input.flush();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(command + " ")) {
                return line.substring(command.length() + 1).trim();
            }
        }
        throw new IOException("the child JVM ended");
    }

    /** Closes the child's input, and waits up to 20 s for it to end before it is killed. */
    @Override
    public void close() throws Exception {
        input.close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
