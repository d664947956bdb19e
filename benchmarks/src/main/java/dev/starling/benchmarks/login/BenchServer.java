package dev.starling.benchmarks.login;

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
import io.netty.handler.ssl.SslContext;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.tcp.TcpServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The server side of the login runs, in its own JVM so that its CPU time is its own: the Starling
 * server on 127.0.0.1 (STARTTLS required, SCRAM-SHA-1 only, {@value #ACCOUNTS} accounts
 * {@code bench0..} with {@value #PASSWORD} at 4096 iterations) and, with the same certificate and
 * TLS stack, a port that only completes TLS handshakes, and the same server without TLS (to
 * separate the XMPP part of a login from its TLS part). Prints
 * {@code READY <xmpp port> <tls port> <certificate PEM file> <clear xmpp port>} and runs until its
 * standard input closes, so it never outlives the parent.
 */
public final class BenchServer {

    static final int ACCOUNTS = 64;
    static final String PASSWORD = "bench-secret";

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        TlsCredentials certificate = SelfSignedCertificate.generate("localhost");
        SslContext context = TrustPolicy.system().serverContext(certificate, false).get();
        InMemoryAccountStore accounts = new InMemoryAccountStore();
        var credentials = PasswordHashing.derive(PASSWORD);
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.create("bench" + i, credentials).block();
        }
        ServerConfig machine = ServerConfig.defaults(Jid.of("localhost"),
                        new EntityServices(Array.empty(), Array.empty(), Array.empty(), SoftwareVersion.of("Starling", "bench")))
                .withSasl(new SaslServerPolicy(false, false, false, Array.of("SCRAM-SHA-1")));
        StarlingServer server = StarlingServer.create(new ServerSettings("127.0.0.1", 0, Option.none(), machine,
                SessionSettings.defaults(), ConflictPolicy.REPLACE_OLD, 1024), accounts, Option.some(TlsSetups.server(context)))
                .start().block(Duration.ofSeconds(30));
        StarlingServer clear = StarlingServer.create(new ServerSettings("127.0.0.1", 0, Option.none(),
                machine.withTls(dev.starling.machine.session.TlsPolicy.DISABLED),
                SessionSettings.defaults(), ConflictPolicy.REPLACE_OLD, 1024), accounts, Option.none())
                .start().block(Duration.ofSeconds(30));
        DisposableServer handshakes = TcpServer.create().host("127.0.0.1").port(0)
                .secure(spec -> spec.sslContext(context))
                .handle((in, out) -> Mono.empty()) // called once the handshake is done; returning closes the connection
                .bindNow();
        Path pem = dev.starling.benchmarks.CertificatePem.writeTemporary(certificate.certificate(), "starling-bench");
        System.out.println("READY " + server.address().getPort() + " " + handshakes.port() + " " + pem + " " + clear.address().getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the parent closes the pipe
        }
        handshakes.disposeNow();
        clear.close();
        server.close();
        Files.deleteIfExists(pem);
    }
}
