package dev.starling.conformance.interop;

import dev.starling.io.client.XmppClient;
import dev.starling.conformance.wire.WireAccess;
import dev.starling.model.stanza.Message;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.chat2.ChatManager;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxmpp.jid.impl.JidCreate;

import javax.net.ssl.X509TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smack 4.4.8 (Maven Central) logs into the Starling server with STARTTLS and SCRAM-SHA-1 or
 * PLAIN (Smack 4.4 supports no SCRAM-SHA-256 and blacklists its SCRAM-SHA-1-PLUS by default), and
 * exchanges messages with a Starling client both ways; Smack's XEP-0199 ping works.
 */
class SmackAgainstStarlingTest {

    private static WireAccess starling;

    @BeforeAll
    static void start() {
        starling = WireAccess.start();
    }

    @AfterAll
    static void stop() {
        starling.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCRAM-SHA-1", "PLAIN"})
    void smackLogsInAndExchangesMessages(String mechanism) throws Exception {
        XMPPTCPConnection smack = connection(starling, "juliet", mechanism);
        try {
            smack.connect().login();
            assertThat(smack.isAuthenticated()).isTrue();
            assertThat(smack.isSecureConnection()).isTrue();
            assertThat(smack.getUsedSaslMechansism()).isEqualTo(mechanism);
            assertThat(smack.getUser().toString()).isEqualTo("juliet@localhost/smack");

            XmppClient romeo = starling.connect("romeo");
            var toRomeo = romeo.stanzas().filter(Message.class::isInstance).next().toFuture();
            smack.sendStanza(MessageBuilder.buildMessage().to(JidCreate.from(romeo.jid().toString()))
                    .ofType(org.jivesoftware.smack.packet.Message.Type.chat).setBody("from Smack").build());
            assertThat(((Message) toRomeo.get(10, TimeUnit.SECONDS)).body()).contains("from Smack");

            CompletableFuture<String> toSmack = new CompletableFuture<>();
            ChatManager.getInstanceFor(smack).addIncomingListener((from, message, chat) -> toSmack.complete(message.getBody()));
            romeo.send(Message.chat(dev.starling.model.jid.Jid.of("juliet@localhost/smack"), "from Starling")).block(Duration.ofSeconds(5));
            assertThat(toSmack.get(10, TimeUnit.SECONDS)).isEqualTo("from Starling");

            assertThat(PingManager.getInstanceFor(smack).pingMyServer()).isTrue();
            romeo.close().block(Duration.ofSeconds(5));
        } finally {
            smack.disconnect();
        }
    }

    /** A Smack connection (not yet connected) for this account on the Starling server, STARTTLS required and the test certificate pinned. */
    static XMPPTCPConnection connection(WireAccess starling, String user, String mechanism) {
        try {
            return new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain("localhost").setHost("127.0.0.1").setPort(starling.port())
                    .setUsernameAndPassword(user, starling.password(user)).setResource("smack")
                    .setSecurityMode(ConnectionConfiguration.SecurityMode.required)
                    .setCustomX509TrustManager(trusting(starling.certificatePem()))
                    .setHostnameVerifier((host, session) -> true) // the pinned certificate is the identity check here
                    .addEnabledSaslMechanism(mechanism)
                    .build());
        } catch (org.jxmpp.stringprep.XmppStringprepException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A trust manager whose only anchor is the Starling test server's self-signed certificate. */
    static X509TrustManager trusting(String pem) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("starling", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return (X509TrustManager) factory.getTrustManagers()[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
