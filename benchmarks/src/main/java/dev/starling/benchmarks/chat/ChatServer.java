package dev.starling.benchmarks.chat;

import dev.starling.io.server.ServerSettings;
import dev.starling.io.server.StarlingServer;
import dev.starling.io.session.SessionSettings;
import dev.starling.io.store.InMemoryAccountStore;
import dev.starling.io.store.PasswordHashing;
import dev.starling.io.tls.SelfSignedCertificate;
import dev.starling.io.tls.TlsCredentials;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.routing.ConflictPolicy;
import dev.starling.machine.sasl.SaslServerPolicy;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.machine.stream.server.ServerConfig;
import dev.starling.model.jid.Jid;
import dev.starling.model.version.SoftwareVersion;
import io.vavr.collection.Array;
import io.vavr.control.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Starling side of the chat run, in its own JVM so that its CPU time and memory are its own:
 * the reference server's engine on 127.0.0.1 with {@code <io threads>} event loops, STARTTLS required, SCRAM-SHA-1, in-memory
 * storage and accounts {@code chat0..chat<N-1>} (password {@value #PASSWORD}). Prints
 * {@code READY <port> <certificate PEM file>}; answers {@code HEAP} on its input with
 * {@code HEAP <bytes>}, the used heap after four full collections (and, when
 * {@code STARLING_BENCH_HISTOGRAM} names a directory, writes the live-object class histogram there as
 * {@code histogram-<n>.txt}, and a dump of the live heap as {@code heap-<n>.hprof}, to diff where an idle
 * session's heap goes); exits when its input closes.
 */
public final class ChatServer {

    static final String PASSWORD = "chat-secret";

    private ChatServer() {
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.parseInt(args[0]);
        int ioThreads = Integer.parseInt(args[1]);
        TlsCredentials certificate = SelfSignedCertificate.generate("localhost");
        InMemoryAccountStore accounts = new InMemoryAccountStore();
        var credentials = PasswordHashing.derive(PASSWORD);
        for (int i = 0; i < users; i++) {
            accounts.create("chat" + i, credentials).block();
        }
        ServerConfig machine = ServerConfig.defaults(Jid.of("localhost"),
                        new EntityServices(Array.empty(), Array.empty(), Array.empty(), SoftwareVersion.of("Starling", "bench")))
                .withSasl(new SaslServerPolicy(false, false, false, Array.of("SCRAM-SHA-1")))
                .withLimits(dev.starling.machine.stream.server.StanzaLimits.none()); // rate limits off, as for the peers
        StarlingServer server = StarlingServer.create(new ServerSettings("127.0.0.1", 0, Option.none(), machine,
                        SessionSettings.serverDefaults(), ConflictPolicy.REPLACE_OLD, 4096, ioThreads), accounts,
                Option.some(TlsSetups.server(TrustPolicy.system().serverContext(certificate, false).get())))
                .start().block(Duration.ofSeconds(30));
        Path pem = dev.starling.benchmarks.CertificatePem.writeTemporary(certificate.certificate(), "starling-chat");
        System.out.println("READY " + server.address().getPort() + " " + pem);
        System.out.flush();
        int histograms = 0;
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null; command = commands.readLine()) {
            if (command.equals("HEAP")) {
                for (int i = 0; i < 4; i++) {
                    System.gc();
                }
                String histogramDir = System.getenv("STARLING_BENCH_HISTOGRAM");
                if (histogramDir != null) {
                    Files.writeString(Path.of(histogramDir, "histogram-" + histograms + ".txt"), classHistogram());
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                            .dumpHeap(histogramDir + "/heap-" + histograms++ + ".hprof", true);
                }
                System.out.println("HEAP " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                System.out.flush();
            }
        }
        server.close();
        Files.deleteIfExists(pem);
    }

    /** What {@code jcmd <pid> GC.class_histogram} prints, asked of this JVM's own diagnostic command bean. */
    private static String classHistogram() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[]{new String[0]}, new String[]{String[].class.getName()});
    }
}
