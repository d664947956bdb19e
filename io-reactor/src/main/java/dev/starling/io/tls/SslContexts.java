package dev.starling.io.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;

/**
 * Netty JDK-engine {@link SslContext}s on the BouncyCastle JSSE provider, wrapped in {@link XmppSslContext}
 * so that the {@code tls-exporter} channel binding (RFC 9266) of each TLS 1.3 connection is kept
 * ({@link ExporterCrypto}); the JDK's own JSSE has no exporter at all. No provider is installed in
 * {@link java.security.Security}: they serve these contexts only.
 * TLS 1.3 and 1.2 with forward-secret AEAD cipher suites only (RFC 7590 §3 takes BCP 195 in: RFC 7525
 * §3.1.1 and §4.2, RFC 8996). Keys go through BouncyCastle's own key manager, which understands the key
 * types its engines ask for ("EC/secp256r1"); the JDK's SunX509 one that Netty would build does not.
 */
final class SslContexts {

    /** The JSSE provider of every Starling context, with BouncyCastle's JCA crypto watching for the exporter. */
    static final Provider JSSE = new BouncyCastleJsseProvider(false, new ExporterCrypto.Provider());

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private static final char[] KEY_STORE_PASSWORD = new char[0];

    private SslContexts() {
    }

    /**
     * A client context checking servers with {@code trust}; Netty 4.2's default host-name check (endpoint
     * identification "HTTPS") is off, because {@code trust} verifies the XMPP identity itself.
     */
    static Either<String, SslContext> client(X509ExtendedTrustManager trust, Option<TlsCredentials> certificate) {
        try {
            SslContextBuilder builder = common(SslContextBuilder.forClient())
                    .endpointIdentificationAlgorithm(null)
                    .trustManager(trust);
            if (certificate.isDefined()) {
                builder.keyManager(keyManagers(certificate.get()));
            }
            return Either.right(new XmppSslContext(builder.build()));
        } catch (IOException | GeneralSecurityException e) {
            return Either.left("cannot build the TLS client context: " + e);
        }
    }

    /** A server context presenting {@code credentials}; with {@code clientTrust}, it requests client certificates. */
    static Either<String, SslContext> server(TlsCredentials credentials, Option<X509ExtendedTrustManager> clientTrust) {
        try {
            SslContextBuilder builder = common(SslContextBuilder.forServer(keyManagers(credentials)));
            clientTrust.forEach(trust -> builder.clientAuth(ClientAuth.OPTIONAL).trustManager(trust));
            return Either.right(new XmppSslContext(builder.build()));
        } catch (IOException | GeneralSecurityException e) {
            return Either.left("cannot build the TLS server context: " + e);
        }
    }

    private static SslContextBuilder common(SslContextBuilder builder) {
        return builder.sslProvider(SslProvider.JDK)
                .sslContextProvider(JSSE)
                .protocols(PROTOCOLS)
                .ciphers(CIPHER_SUITES, SupportedCipherSuiteFilter.INSTANCE);
    }

    private static KeyManagerFactory keyManagers(TlsCredentials credentials)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", credentials.privateKey(), KEY_STORE_PASSWORD,
                credentials.chain().toJavaArray(X509Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance("PKIX", JSSE);
        factory.init(store, KEY_STORE_PASSWORD);
        return factory;
    }
}
