package dev.starling.io.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.starling.machine.session.SessionInput;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust policies and the contexts they build, shaking hands over loopback (RFC 6120 §13.7.2, RFC 7590). */
class TrustPolicyTest {

    private static final String DOMAIN = "example.com";

    private static TlsLoopback loopback;
    private static CertificateAuthority authority;
    private static TlsCredentials serverCredentials;
    private static SslContext server;

    @TempDir
    static Path directory;

    @BeforeAll
    static void start() {
        loopback = new TlsLoopback();
        authority = CertificateAuthority.create("Starling Test CA");
        serverCredentials = authority.issue(CertificateNames.forDomain(DOMAIN), CertificateUsage.SERVER);
        server = TrustPolicy.system().serverContext(serverCredentials, false).get();
    }

    @AfterAll
    static void stop() {
        loopback.close();
    }

    private static Path pemFile(String name, X509Certificate... certificates) throws Exception {
        StringBuilder pem = new StringBuilder("Some bundles start with a comment.\n");
        for (X509Certificate certificate : certificates) {
            pem.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return Files.writeString(directory.resolve(name), pem);
    }

    private static TlsLoopback.Outcome connect(TrustPolicy policy, String domain) throws Exception {
        return loopback.handshake(server, policy.clientContext(Option.none()).get(), domain);
    }

    private static String failure(TlsLoopback.Outcome outcome) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = outcome.client().isFailure() ? outcome.client().getCause() : null; cause != null; cause = cause.getCause()) {
            messages.append(cause).append('\n');
        }
        return messages.toString();
    }

    @Test
    void theSystemTrustStoreRefusesATestAuthority() throws Exception {
        TlsLoopback.Outcome outcome = connect(TrustPolicy.system(), DOMAIN);

        assertThat(outcome.client().isFailure()).isTrue();
    }

    @Test
    void aPemBundleWithTheAuthorityIsTrusted() throws Exception {
        TrustPolicy policy = TrustPolicy.trustStore(pemFile("ca.pem", authority.certificate()));

        TlsLoopback.Outcome outcome = connect(policy, DOMAIN);

        assertThat(outcome.client().isSuccess()).as(failure(outcome)).isTrue();
        assertThat(outcome.client().get().engine().getSession().getProtocol()).isEqualTo("TLSv1.3");
    }

    @Test
    void aPasswordProtectedPkcs12TrustStoreIsTrusted() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", authority.certificate());
        Path file = directory.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "secret".toCharArray());
        }

        TlsLoopback.Outcome outcome = connect(TrustPolicy.trustStore(file, "secret"), DOMAIN);

        assertThat(outcome.client().isSuccess()).as(failure(outcome)).isTrue();
    }

    @Test
    void aTrustedCertificateForAnotherDomainIsRefused() throws Exception {
        TrustPolicy policy = TrustPolicy.trustStore(pemFile("ca-2.pem", authority.certificate()));

        TlsLoopback.Outcome outcome = connect(policy, "example.net");

        assertThat(outcome.client().isFailure()).isTrue();
        assertThat(failure(outcome)).contains("the certificate does not identify example.net");
    }

    @Test
    void anSrvIdAloneIdentifiesTheServerBecauseTheHttpsHostCheckIsOff() throws Exception {
        TlsCredentials srvOnly = authority.issue(new CertificateNames(Option.none(), List.empty(),
                List.of("_xmpp-client." + DOMAIN), List.empty()), CertificateUsage.SERVER);
        TrustPolicy policy = TrustPolicy.trustStore(pemFile("ca-3.pem", authority.certificate()));

        TlsLoopback.Outcome outcome = loopback.handshake(TrustPolicy.system().serverContext(srvOnly, false).get(),
                policy.clientContext(Option.none()).get(), DOMAIN);

        assertThat(outcome.client().isSuccess()).as(failure(outcome)).isTrue();
    }

    @Test
    void theClientSendsTheXmppDomainAsServerName() throws Exception {
        // the JDK's server session reports the requested names; BouncyCastle's exported session does not
        SslContext jdkServer = SslContextBuilder.forServer(serverCredentials.privateKey(),
                serverCredentials.chain().toJavaArray(X509Certificate[]::new)).build();
        TlsLoopback.Outcome outcome = loopback.handshake(jdkServer,
                TrustPolicy.pinned(List.of(TrustPolicy.pinOf(authority.certificate()))).clientContext(Option.none()).get(),
                DOMAIN);

        assertThat(outcome.serverNames().get()).containsExactly(new SNIHostName(DOMAIN));
    }

    @Test
    void aPinnedLeafKeyIsTrusted() throws Exception {
        TlsLoopback.Outcome outcome = connect(
                TrustPolicy.pinned(List.of(TrustPolicy.pinOf(serverCredentials.certificate()))), DOMAIN);

        assertThat(outcome.client().isSuccess()).as(failure(outcome)).isTrue();
    }

    @Test
    void aPinnedAuthorityKeyIsTrustedForTheChainItSigned() throws Exception {
        TlsLoopback.Outcome outcome = connect(
                TrustPolicy.pinned(List.of(TrustPolicy.pinOf(authority.certificate()))), DOMAIN);

        assertThat(outcome.client().isSuccess()).as(failure(outcome)).isTrue();
    }

    @Test
    void anUnpinnedKeyIsRefused() throws Exception {
        X509Certificate stranger = CertificateAuthority.create("Stranger").certificate();

        TlsLoopback.Outcome outcome = connect(TrustPolicy.pinned(List.of(TrustPolicy.pinOf(stranger))), DOMAIN);

        assertThat(outcome.client().isFailure()).isTrue();
    }

    @Test
    void aPinnedCertificateAppendedToAChainItDidNotSignProvesNothing() {
        X509Certificate forged = SelfSignedCertificate.generate(DOMAIN).certificate();
        PinnedTrustManager trust = new PinnedTrustManager(List.of(TrustPolicy.pinOf(authority.certificate())));

        assertThatThrownBy(() -> trust.checkServerTrusted(
                new X509Certificate[] {forged, authority.certificate()}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("does not lead to the pinned key");
    }

    @Test
    void trustingEverythingAlsoSkipsTheIdentityCheck() throws Exception {
        TlsLoopback.Outcome outcome = connect(TrustPolicy.insecureTrustAllForTestsOnly(), "example.net");

        assertThat(outcome.client().isSuccess()).as(failure(outcome)).isTrue();
    }

    @Test
    void aServerRequestingCertificatesSeesTheClientsJid() throws Exception {
        TrustPolicy clients = TrustPolicy.trustStore(pemFile("clients.pem", authority.certificate()));
        SslContext requesting = clients.serverContext(serverCredentials, true).get();
        SslContext client = TrustPolicy.pinned(List.of(TrustPolicy.pinOf(authority.certificate())))
                .clientContext(Option.some(authority.issueClient("juliet@example.com"))).get();

        TlsLoopback.Outcome outcome = loopback.handshake(requesting, client, DOMAIN);

        X509Certificate presented = (X509Certificate) outcome.server().get().engine().getSession().getPeerCertificates()[0];
        assertThat(PresentedIdentifiers.of(presented).xmppAddrs()).containsExactly("juliet@example.com");
        assertThat(identities(requesting, outcome)).containsExactly("juliet@example.com");
    }

    @Test
    void aClientCertificateIsOptional() throws Exception {
        TrustPolicy clients = TrustPolicy.trustStore(pemFile("clients-2.pem", authority.certificate()));
        SslContext requesting = clients.serverContext(serverCredentials, true).get();
        SslContext client = TrustPolicy.pinned(List.of(TrustPolicy.pinOf(authority.certificate())))
                .clientContext(Option.none()).get();

        TlsLoopback.Outcome outcome = loopback.handshake(requesting, client, DOMAIN);

        assertThat(outcome.client().isSuccess()).as(failure(outcome)).isTrue();
        assertThatThrownBy(() -> outcome.server().get().engine().getSession().getPeerCertificates())
                .isInstanceOf(SSLPeerUnverifiedException.class);
    }

    @Test
    void aClientCertificateFromAnUntrustedAuthorityIsIgnored() throws Exception {
        TrustPolicy clients = TrustPolicy.trustStore(pemFile("clients-3.pem", authority.certificate()));
        SslContext requesting = clients.serverContext(serverCredentials, true).get();
        SslContext client = TrustPolicy.pinned(List.of(TrustPolicy.pinOf(authority.certificate())))
                .clientContext(Option.some(CertificateAuthority.create("Other CA").issueClient("mallory@example.com")))
                .get();

        TlsLoopback.Outcome outcome = loopback.handshake(requesting, client, DOMAIN);

        assertThat(outcome.client().isSuccess()).as(failure(outcome)).isTrue();
        assertThat(identities(requesting, outcome)).isEmpty();
    }

    @Test
    void aClientCertificateSentDespiteTheAuthorityHintsIsIgnored() throws Exception {
        TrustPolicy clients = TrustPolicy.trustStore(pemFile("clients-4.pem", authority.certificate()));
        SslContext requesting = clients.serverContext(serverCredentials, true).get();
        TlsCredentials mallory = CertificateAuthority.create("Other CA").issueClient("mallory@example.com");
        // a client that presents its certificate whatever authorities the server names
        SslContext insistent = SslContextBuilder.forClient()
                .sslProvider(io.netty.handler.ssl.SslProvider.JDK)
                .endpointIdentificationAlgorithm(null)
                .trustManager(new TrustAllTrustManager())
                .keyManager(new AlwaysPresentingKeyManager(mallory))
                .build();

        TlsLoopback.Outcome outcome = loopback.handshake(requesting, insistent, DOMAIN);

        assertThat(outcome.client().isSuccess()).as(failure(outcome)).isTrue();
        X509Certificate presented = (X509Certificate) outcome.server().get().engine().getSession().getPeerCertificates()[0];
        assertThat(presented).isEqualTo(mallory.certificate());
        assertThat(identities(requesting, outcome)).isEmpty();
    }

    /** A key manager that offers its one certificate for any request. */
    private static final class AlwaysPresentingKeyManager extends javax.net.ssl.X509ExtendedKeyManager {
        private final TlsCredentials credentials;

        AlwaysPresentingKeyManager(TlsCredentials credentials) {
            this.credentials = credentials;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers, SSLEngine engine) {
            return "client";
        }

        @Override
        public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
            return new String[] {"client"};
        }

        @Override
        public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return "client";
        }

        @Override
        public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
            return new String[0];
        }

        @Override
        public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return credentials.chain().toJavaArray(X509Certificate[]::new);
        }

        @Override
        public java.security.PrivateKey getPrivateKey(String alias) {
            return credentials.privateKey();
        }
    }

    /** What the session machine learns of the client certificate: the JIDs of a trusted one. */
    private static io.vavr.collection.Seq<String> identities(SslContext server, TlsLoopback.Outcome outcome) {
        SessionInput established = TlsSetups.server(server).established(outcome.server().get());
        assertThat(established).isInstanceOf(SessionInput.TlsEstablished.class);
        return ((SessionInput.TlsEstablished) established).certificateIdentities();
    }

    @Test
    void unreadableTrustStoresAreReported() throws Exception {
        Path missing = directory.resolve("missing.pem");
        Path empty = Files.writeString(directory.resolve("empty.pem"), "-----BEGIN CERTIFICATE-----\n");
        Path wrongPassword = directory.resolve("wrong.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", authority.certificate());
        try (OutputStream out = Files.newOutputStream(wrongPassword)) {
            store.store(out, "right".toCharArray());
        }

        assertThat(TrustPolicy.trustStore(missing).clientContext(Option.none()).getLeft())
                .startsWith("cannot read the trust store " + missing);
        assertThat(TrustPolicy.trustStore(empty).clientContext(Option.none()).getLeft())
                .isEqualTo(empty + ": no certificate in the PEM bundle");
        assertThat(TrustPolicy.trustStore(wrongPassword, "wrong").clientContext(Option.none()).getLeft())
                .startsWith("cannot read the trust store " + wrongPassword);
    }
}
