package dev.starling.benchmarks.login;

import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.sasl.ScramCredentialsFactory;
import dev.starling.machine.sasl.ScramHash;
import dev.starling.model.Bytes;
import io.netty.handler.ssl.SslContext;
import io.vavr.control.Option;
import reactor.netty.Connection;
import reactor.netty.tcp.TcpClient;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * The login load run. In one run, against one {@link BenchServer} child JVM on loopback:
 * <ol>
 *   <li>logins per second and server CPU per login: {@code concurrency} Starling clients log in
 *       (STARTTLS, SCRAM-SHA-1 at 4096 iterations, bind) and out in a loop for the duration;</li>
 *   <li>the same login without TLS, which separates the XMPP work from the TLS work;</li>
 *   <li>the baselines: server CPU per TLS handshake alone (same certificate and TLS stack, same
 *       concurrency and duration), and CPU per PBKDF2-HMAC-SHA-1 derivation at 4096 iterations
 *       alone (one thread of this JVM);</li>
 *   <li>the Starling client against Smack 4.4.8: connect-and-login latency and retained heap.</li>
 * </ol>
 * Every loop is bounded by time or count; the child exits when this JVM closes its input.
 *
 * <p>Usage: {@code java -cp benchmarks/target/starling-benchmarks.jar
 * dev.starling.benchmarks.login.RunLoginBenchmarks [seconds] [concurrency] [samples] [connected]},
 * defaults 15, 4, 60 and 50.
 */
public final class RunLoginBenchmarks {

    private RunLoginBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 15);
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int connected = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        try (ChildServer server = ChildServer.start()) {
            Clients clients = new Clients(server);
            LoadRun.Operation login = worker -> clients.starling(worker % BenchServer.ACCOUNTS, worker).close().block(Duration.ofSeconds(10));
            LoadRun.run(server, concurrency, Duration.ofSeconds(20), login); // warm-up: JIT on both sides (at 5 s C2 still took half the server's CPU)
            LoadRun.Outcome logins = LoadRun.run(server, concurrency, duration, login);
            System.err.println("progress, logins: " + logins);

            LoadRun.Operation clearLogin = worker -> clients.starlingInTheClear(worker % BenchServer.ACCOUNTS, worker)
                    .close().block(Duration.ofSeconds(10));
            LoadRun.run(server, concurrency, Duration.ofSeconds(10), clearLogin);
            LoadRun.Outcome clearLogins = LoadRun.run(server, concurrency, duration, clearLogin);
            System.err.println("progress, logins without TLS: " + clearLogins);

            TrustPolicy anyCertificate = TrustPolicy.insecureTrustAllForTestsOnly();
            LoadRun.Operation handshake = worker -> {
                SslContext fresh = anyCertificate.clientContext(Option.none()).get(); // a new context each time: no resumption
                Connection connection = TcpClient.newConnection().host("127.0.0.1").port(server.tls.getPort())
                        .secure(spec -> spec.sslContext(fresh).serverNames(new javax.net.ssl.SNIHostName("localhost")))
                        .connectNow(Duration.ofSeconds(10));
                connection.disposeNow();
            };
            LoadRun.run(server, concurrency, Duration.ofSeconds(10), handshake);
            LoadRun.Outcome handshakes = LoadRun.run(server, concurrency, duration, handshake);
            System.err.println("progress, TLS handshakes: " + handshakes);

            double pbkdf2Millis = pbkdf2CpuMillis(Duration.ofSeconds(5));
            ClientComparison.Result comparison = ClientComparison.run(clients, 20, samples, connected);
            print(duration, concurrency, logins, clearLogins, handshakes, pbkdf2Millis, comparison, samples, connected);
        }
    }

    /** CPU time of one PBKDF2-HMAC-SHA-1 derivation at 4096 iterations, as Starling derives SCRAM keys. */
    private static double pbkdf2CpuMillis(Duration duration) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Bytes salt = Bytes.of("0123456789abcdef".getBytes());
        for (int i = 0; i < 200; i++) {
            ScramCredentialsFactory.derive(ScramHash.SHA_1, BenchServer.PASSWORD, salt, 4096);
        }
        long cpuStart = threads.getCurrentThreadCpuTime();
        long end = System.nanoTime() + duration.toNanos();
        long count = 0;
        while (System.nanoTime() < end) {
            ScramCredentialsFactory.derive(ScramHash.SHA_1, BenchServer.PASSWORD, salt, 4096);
            count++;
        }
        return (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / count;
    }

    private static double jitEach(LoadRun.Outcome outcome) {
        return outcome.jitMillis() / (double) Math.max(1, outcome.completed());
    }

    private static void print(Duration duration, int concurrency, LoadRun.Outcome logins, LoadRun.Outcome clearLogins,
                              LoadRun.Outcome handshakes,
                              double pbkdf2Millis, ClientComparison.Result c, int samples, int connected) {
        double login = logins.serverCpuMillisEach();
        System.out.printf("%n## Server logins: STARTTLS + SCRAM-SHA-1 (4096 iterations) + bind, %d concurrent clients, %d s%n%n",
                concurrency, duration.toSeconds());
        System.out.println("| operation | per second | failed | server CPU per operation (ms) | of which JIT (ms) | login CPU / this CPU |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        System.out.printf("| login (Starling server) | %.1f | %d | %.3f | %.3f | 1.00 |%n", logins.perSecond(), logins.failed(), login,
                jitEach(logins));
        System.out.printf("| login without TLS (same server otherwise, SCRAM-SHA-1 in the clear) | %.1f | %d | %.3f | %.3f | %.2f |%n",
                clearLogins.perSecond(), clearLogins.failed(), clearLogins.serverCpuMillisEach(), jitEach(clearLogins),
                login / clearLogins.serverCpuMillisEach());
        System.out.printf("| TLS handshake alone (same server JVM, certificate and TLS stack) | %.1f | %d | %.3f | %.3f | %.2f |%n",
                handshakes.perSecond(), handshakes.failed(), handshakes.serverCpuMillisEach(), jitEach(handshakes),
                login / handshakes.serverCpuMillisEach());
        System.out.printf("| PBKDF2-HMAC-SHA-1, 4096 iterations, alone (one thread) | %.1f | 0 | %.3f | | %.2f |%n",
                1000 / pbkdf2Millis, pbkdf2Millis, login / pbkdf2Millis);
        System.out.printf("%n## Clients: Starling vs Smack 4.4.8, same server, %d alternating samples, %d connected clients%n%n",
                samples, connected);
        System.out.println("| measure | Starling | Smack 4.4.8 | Smack / Starling |");
        System.out.println("| --- | ---: | ---: | ---: |");
        System.out.printf("| connect + login latency, median (ms) | %.1f | %.1f | %.2f |%n", c.starling().median(), c.smack().median(),
                c.smack().median() / c.starling().median());
        System.out.printf("| connect + login latency, p90 (ms) | %.1f | %.1f | %.2f |%n", c.starling().p90(), c.smack().p90(),
                c.smack().p90() / c.starling().p90());
        System.out.printf("| retained heap per connected client (KiB; Starling's TLS state is native, outside the heap) | %.1f | %.1f | %.2f |%n", c.starlingBytes() / 1024.0,
                c.smackBytes() / 1024.0, (double) c.smackBytes() / c.starlingBytes());
        System.out.printf("| retained heap per connected client, Starling clients sharing one TLS context (KiB) | %.1f | %.1f | %.2f |%n",
                c.sharedBytes() / 1024.0, c.smackBytes() / 1024.0, (double) c.smackBytes() / c.sharedBytes());
    }
}
