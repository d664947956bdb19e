package dev.starling.io.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.ReferenceCountedOpenSslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.SslContext;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Netty {@link SslContext}s on BoringSSL (netty-tcnative, statically linked, for Linux, macOS and Windows),
 * wrapped in {@link XmppSslContext} so that the {@code tls-exporter} channel binding (RFC 9266) of each TLS 1.3
 * connection is kept; the JDK 17 JSSE has no exporter at all. BoringSSL keeps a connection's TLS state in native
 * memory and frees its record buffers while the connection is idle.
 * TLS 1.3 and 1.2 with forward-secret AEAD cipher suites only (RFC 7590 §3 takes BCP 195 in: RFC 7525
 * §3.1.1 and §4.2, RFC 8996). Certificate callbacks run inline on the event loop (no delegated tasks), inside
 * the handshake step that asked for them, where {@link HandshakeCapture} names their connection.
 */
final class SslContexts {

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

    private SslContexts() {
    }

    /**
     * A client context checking servers with {@code trust}; Netty 4.2's default host-name check (endpoint
     * identification "HTTPS") is off, because {@code trust} verifies the XMPP identity itself.
     */
    static Either<String, SslContext> client(X509ExtendedTrustManager trust, Option<TlsCredentials> certificate) {
        return available().flatMap(ready -> {
            SslContextBuilder builder = common(SslContextBuilder.forClient())
                    .endpointIdentificationAlgorithm(null)
                    .trustManager(trust);
            certificate.forEach(credentials -> builder.keyManager(credentials.privateKey(), chain(credentials)));
            return build(builder, "client");
        });
    }

    /**
     * A server context presenting {@code credentials}; with {@code clientTrust}, it requests client certificates,
     * sends the policy's authorities as hints, and ignores a certificate the policy refuses
     * ({@link OptionalClientTrustManager}).
     */
    static Either<String, SslContext> server(TlsCredentials credentials, Option<X509ExtendedTrustManager> clientTrust) {
        return available().flatMap(ready -> {
            SslContextBuilder builder = common(SslContextBuilder.forServer(credentials.privateKey(), chain(credentials)));
            clientTrust.forEach(trust -> builder.clientAuth(ClientAuth.OPTIONAL)
                    .trustManager(new OptionalClientTrustManager(trust)));
            return build(builder, "server").peek(context ->
                    ((OpenSslSessionContext) context.sessionContext()).setSessionCacheEnabled(false));
        });
    }

    private static Either<String, Boolean> available() {
        return OpenSsl.isAvailable() ? Either.right(true)
                : Either.left("BoringSSL (netty-tcnative-boringssl-static) does not load on this platform: "
                + OpenSsl.unavailabilityCause());
    }

    private static SslContextBuilder common(SslContextBuilder builder) {
        return builder.sslProvider(SslProvider.OPENSSL)
                .option(OpenSslContextOption.USE_TASKS, false)
                .protocols(PROTOCOLS)
                .ciphers(CIPHER_SUITES, SupportedCipherSuiteFilter.INSTANCE);
    }

    private static Either<String, SslContext> build(SslContextBuilder builder, String side) {
        try {
            return XmppSslContext.over((ReferenceCountedOpenSslContext) builder.build());
        } catch (SSLException | RuntimeException e) {
            return Either.left("cannot build the TLS " + side + " context: " + e);
        }
    }

    private static X509Certificate[] chain(TlsCredentials credentials) {
        return credentials.chain().toJavaArray(X509Certificate[]::new);
    }
}
