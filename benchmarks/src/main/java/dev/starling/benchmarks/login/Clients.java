package dev.starling.benchmarks.login;

import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.session.TlsSetup;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.jid.Jid;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;

/**
 * The two clients of the comparison, configured alike: STARTTLS required, SCRAM-SHA-1, the
 * server's certificate as the only trust anchor, a fixed resource, no keepalive or roster traffic
 * (smack-im, and with it the roster, is not on the class path). Both build a new TLS context per
 * connection, as Smack does, so no login resumes an earlier TLS session: every login pays a full
 * handshake, like distinct devices would.
 */
final class Clients {

    private final ChildServer server;
    private final X509TrustManager smackTrust;
    private final TlsSetup shared;

    Clients(ChildServer server) throws Exception {
        this.server = server;
        this.smackTrust = trustManager(server);
        this.shared = TlsSetups.client(TrustPolicy.trustStore(server.certificate).clientContext(Option.none()).get(), "localhost");
    }

    /** A Starling client logged in and bound as {@code bench<account>/r<slot>}, with a TLS context of its own. */
    XmppClient starling(int account, int slot) {
        TlsSetup fresh = TlsSetups.client(TrustPolicy.trustStore(server.certificate).clientContext(Option.none()).get(), "localhost");
        return starling(account, slot, fresh);
    }

    /**
     * A Starling client sharing one TLS context with every other such client, as an application
     * with many connections would configure it (TLS sessions may then resume).
     */
    XmppClient starlingSharingTls(int account, int slot) {
        return starling(account, slot, shared);
    }

    private XmppClient starling(int account, int slot, TlsSetup tls) {
        ClientConfig config = ClientConfig.of(Jid.of("bench" + account + "@localhost/r" + slot), BenchServer.PASSWORD)
                .withMechanisms(List.of("SCRAM-SHA-1")).withKeepalive(Option.none());
        return XmppClient.connect(ClientSettings.of(config, server.xmpp), Option.some(tls)).block(Duration.ofSeconds(30));
    }

    /** A Starling client logged in over the server without TLS (SCRAM-SHA-1 in the clear), to isolate the XMPP work. */
    XmppClient starlingInTheClear(int account, int slot) {
        ClientConfig config = ClientConfig.of(Jid.of("bench" + account + "@localhost/c" + slot), BenchServer.PASSWORD)
                .withMechanisms(List.of("SCRAM-SHA-1")).withKeepalive(Option.none()).withTls(TlsPolicy.DISABLED);
        return XmppClient.connect(ClientSettings.of(config, server.clearXmpp), Option.none()).block(Duration.ofSeconds(30));
    }

    /** A Smack 4.4.8 connection logged in and bound as {@code bench<account>/s<slot>}. */
    XMPPTCPConnection smack(int account, int slot) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost").setHost("127.0.0.1").setPort(server.xmpp.getPort())
                .setUsernameAndPassword("bench" + account, BenchServer.PASSWORD).setResource("s" + slot)
                .setSecurityMode(ConnectionConfiguration.SecurityMode.required)
                .setCustomX509TrustManager(smackTrust)
                .setHostnameVerifier((host, session) -> true) // the pinned certificate is the identity check
                .addEnabledSaslMechanism("SCRAM-SHA-1")
                .setSendPresence(false)
                .build());
        connection.connect().login();
        return connection;
    }

    private static X509TrustManager trustManager(ChildServer server) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(server.certificate)) {
            store.setCertificateEntry("bench", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }
}
