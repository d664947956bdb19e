package dev.starling.io.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starling.model.Bytes;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.security.MessageDigest;
import java.util.stream.Stream;
import io.netty.handler.ssl.SslHandler;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 9266 and RFC 5929 channel bindings computed on both ends of real loopback TLS connections. */
class ChannelBindingsTest {

    private static final String DOMAIN = "example.com";
    private static TlsLoopback loopback;

    @BeforeAll
    static void start() {
        loopback = new TlsLoopback();
    }

    @AfterAll
    static void stop() {
        loopback.close();
    }

    @Test
    void tls13GivesBothBindingsAndBothSidesAgree() throws Exception {
        TlsCredentials server = SelfSignedCertificate.generate(DOMAIN);
        TlsLoopback.Outcome outcome = loopback.handshake(
                TrustPolicy.system().serverContext(server, false).get(),
                TrustPolicy.pinned(List.of(TrustPolicy.pinOf(server.certificate()))).clientContext(Option.none()).get(),
                DOMAIN);

        SslHandler client = outcome.client().get();
        SslHandler serverEngine = outcome.server().get();
        assertThat(client.engine().getSession().getProtocol()).isEqualTo("TLSv1.3");

        ChannelBindings clientBindings = ChannelBindings.of(client);
        ChannelBindings serverBindings = ChannelBindings.of(serverEngine);
        assertThat(clientBindings).isEqualTo(serverBindings);
        assertThat(clientBindings.tlsExporter().get().length()).isEqualTo(32);
        assertThat(clientBindings.available().map(binding -> binding._1))
                .containsExactly(ChannelBindings.TLS_EXPORTER, ChannelBindings.TLS_SERVER_END_POINT);

        // RFC 5929 §4.1 for an ECDSA-with-SHA256 certificate: SHA-256 of the DER certificate
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(server.certificate().getEncoded());
        assertThat(clientBindings.tlsServerEndPoint()).contains(Bytes.of(expected));
    }

    @Test
    void everyConnectionHasItsOwnExporterValueAlsoWhenTheSessionIsResumed() throws Exception {
        TlsCredentials server = SelfSignedCertificate.generate(DOMAIN);
        SslContext serverContext = TrustPolicy.system().serverContext(server, false).get();
        SslContext clientContext = TrustPolicy.insecureTrustAllForTestsOnly().clientContext(Option.none()).get();

        TlsLoopback.Outcome first = loopback.handshake(serverContext, clientContext, DOMAIN);
        TlsLoopback.Outcome second = loopback.handshake(serverContext, clientContext, DOMAIN);

        for (TlsLoopback.Outcome outcome : List.of(first, second)) {
            ChannelBindings client = ChannelBindings.of(outcome.client().get());
            assertThat(client.tlsExporter()).isNotEmpty();
            assertThat(client).isEqualTo(ChannelBindings.of(outcome.server().get()));
        }
        assertThat(ChannelBindings.of(first.client().get()).tlsExporter())
                .isNotEqualTo(ChannelBindings.of(second.client().get()).tlsExporter());
    }

    @Test
    void tls12GivesOnlyTheServerEndPoint() throws Exception {
        TlsCredentials server = SelfSignedCertificate.generate(DOMAIN);
        SslContext tls12Client = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.2")
                .endpointIdentificationAlgorithm(null)
                .trustManager(new TrustAllTrustManager())
                .build();
        TlsLoopback.Outcome outcome = loopback.handshake(
                TrustPolicy.system().serverContext(server, false).get(), tls12Client, DOMAIN);

        assertThat(outcome.client().get().engine().getSession().getProtocol()).isEqualTo("TLSv1.2");
        ChannelBindings clientBindings = ChannelBindings.of(outcome.client().get());
        assertThat(clientBindings).isEqualTo(ChannelBindings.of(outcome.server().get()));
        assertThat(clientBindings.tlsExporter()).isEmpty();
        assertThat(clientBindings.available().map(binding -> binding._1))
                .containsExactly(ChannelBindings.TLS_SERVER_END_POINT);
    }

    @Test
    void theJdkProviderGivesOnlyTheServerEndPointWithTheSameBytes() throws Exception {
        TlsCredentials server = SelfSignedCertificate.generate(DOMAIN);
        SslContext jdkClient = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.3")
                .endpointIdentificationAlgorithm(null)
                .trustManager(new TrustAllTrustManager())
                .build();
        TlsLoopback.Outcome outcome = loopback.handshake(
                TrustPolicy.system().serverContext(server, false).get(), jdkClient, DOMAIN);

        SslHandler client = outcome.client().get();
        assertThat(client).isNotInstanceOf(XmppSslHandler.class);
        ChannelBindings clientBindings = ChannelBindings.of(client);
        ChannelBindings serverBindings = ChannelBindings.of(outcome.server().get());
        assertThat(clientBindings.tlsExporter()).isEmpty();
        assertThat(serverBindings.tlsExporter()).isNotEmpty();
        assertThat(clientBindings.tlsServerEndPoint()).isNotEmpty().isEqualTo(serverBindings.tlsServerEndPoint());
    }

    static Stream<Arguments> serverCertificates() {
        return Stream.of(
                Arguments.of("EC", 256, "SHA256withECDSA", "SHA-256"),
                Arguments.of("EC", 384, "SHA384withECDSA", "SHA-384"),
                Arguments.of("RSA", 2048, "SHA512withRSA", "SHA-512"),
                Arguments.of("RSA", 2048, "SHA384withRSAandMGF1", "SHA-384"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("serverCertificates")
    void theServerEndPointFollowsTheCertificateSignatureHashAndMatchesBouncyCastle(
            String keyAlgorithm, int keySize, String signatureAlgorithm, String hash) throws Exception {
        TlsCredentials server = TestCertificates.selfSigned(DOMAIN, keyAlgorithm, keySize, signatureAlgorithm);
        Bytes expected = Bytes.of(MessageDigest.getInstance(hash).digest(server.certificate().getEncoded()));

        TlsLoopback.Outcome tls13 = loopback.handshake(
                TrustPolicy.system().serverContext(server, false).get(),
                TrustPolicy.pinned(List.of(TrustPolicy.pinOf(server.certificate()))).clientContext(Option.none()).get(),
                DOMAIN);
        assertThat(ChannelBindings.of(tls13.client().get()).tlsServerEndPoint()).contains(expected);
        assertThat(ChannelBindings.of(tls13.server().get()).tlsServerEndPoint()).contains(expected);

        // BouncyCastle computes tls-server-end-point itself, but only for TLS 1.2: a second opinion
        SslContext bouncyCastleTls12 = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .sslContextProvider(new BouncyCastleJsseProvider(new BouncyCastleProvider()))
                .protocols("TLSv1.2")
                .endpointIdentificationAlgorithm(null)
                .trustManager(new TrustAllTrustManager())
                .build();
        TlsLoopback.Outcome tls12 = loopback.handshake(
                TrustPolicy.system().serverContext(server, false).get(), bouncyCastleTls12, DOMAIN);
        BCSSLEngine client = (BCSSLEngine) tls12.client().get().engine();
        assertThat(Bytes.of(client.getConnection().getChannelBinding(ChannelBindings.TLS_SERVER_END_POINT)))
                .isEqualTo(expected);
        assertThat(ChannelBindings.of(tls12.client().get()).tlsServerEndPoint()).contains(expected);
    }
}
