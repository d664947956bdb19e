package dev.starling.io.tls;

import dev.starling.model.Bytes;
import io.netty.handler.ssl.SslContext;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.LoggerFactory;

/**
 * Which certificates a Starling endpoint trusts (RFC 6120 §13.7.2, RFC 7590 §3.4), and the Netty
 * {@link SslContext}s built on that choice: TLS 1.3 and 1.2 only (RFC 7590 §3 takes BCP 195 in: RFC 7525
 * §3.1.1, RFC 8996), on BoringSSL, whose handlers keep the {@code tls-exporter} value that
 * {@link ChannelBindings} gives.
 *
 * <p>A client context checks the server's chain with the policy and then, for every policy but
 * {@link InsecureTrustAll}, the XMPP identity of RFC 6120 §13.7.2.1 ({@link XmppIdentityVerifier}) against
 * the engine's peer host. Create its engines with the XMPP domain as peer host, e.g.
 * {@code context.newHandler(alloc, domain, port)}, or {@code new SslHandler(context.newEngine(alloc, domain,
 * port), true)} for STARTTLS (RFC 6120 §5.4.3.3): the domain is what gets verified and what goes into SNI
 * (RFC 7590 §3.5, XEP-0368 §3), whatever host the connection went to. A server context presents the given
 * credentials and, if asked, requests client certificates (optional, XEP-0178 §3) that the policy checks; a
 * client certificate the policy does not trust is ignored, so the session goes on without a peer identity (and
 * without SASL EXTERNAL), as if the client had sent none; {@link TlsSetups} gives no identity of it.
 */
public sealed interface TrustPolicy {

    /** The JDK's default trust store ({@code cacerts}, or {@code javax.net.ssl.trustStore} if set). */
    static TrustPolicy system() {
        return new SystemTrust();
    }

    /** The certificates in a PEM bundle, or in a PKCS #12 file without a password. */
    static TrustPolicy trustStore(Path file) {
        return new TrustStore(file, Option.none());
    }

    /** The certificates in a PEM bundle, or in a PKCS #12 file protected by {@code password}. */
    static TrustPolicy trustStore(Path file, String password) {
        return new TrustStore(file, Option.some(password));
    }

    /** Chains vouched for by a pinned key: SHA-256 hashes of SubjectPublicKeyInfos (RFC 7469 §2.4). */
    static TrustPolicy pinned(Seq<Bytes> subjectPublicKeyInfoSha256) {
        return new Pinned(subjectPublicKeyInfoSha256);
    }

    /** Every certificate, without identity checks: for tests only; logs a warning each time it is chosen. */
    static TrustPolicy insecureTrustAllForTestsOnly() {
        return new InsecureTrustAll();
    }

    /** The pin of a certificate's key for {@link #pinned}: SHA-256 over its DER SubjectPublicKeyInfo. */
    static Bytes pinOf(X509Certificate certificate) {
        return PinnedTrustManager.pinOf(certificate);
    }

    /** The trust manager that checks peers' chains under this policy. */
    Either<String, X509ExtendedTrustManager> trustManager();

    /** A client context; it presents {@code clientCertificate} when the server asks (SASL EXTERNAL, XEP-0178). */
    default Either<String, SslContext> clientContext(Option<TlsCredentials> clientCertificate) {
        return trustManager().flatMap(trust -> SslContexts.client(
                this instanceof InsecureTrustAll ? trust : new XmppServerTrustManager(trust), clientCertificate));
    }

    /** A server context presenting {@code credentials}; requests client certificates checked by this policy if told. */
    default Either<String, SslContext> serverContext(TlsCredentials credentials, boolean requestClientCertificates) {
        return requestClientCertificates
                ? trustManager().flatMap(trust -> SslContexts.server(credentials, Option.some(trust)))
                : SslContexts.server(credentials, Option.none());
    }

    /** The JDK's default trust store. */
    record SystemTrust() implements TrustPolicy {
        @Override
        public Either<String, X509ExtendedTrustManager> trustManager() {
            return TrustStores.system();
        }
    }

    /**
     * The certificates of one file.
     *
     * @param file     a PEM bundle or a PKCS #12 file
     * @param password the PKCS #12 password, none for none
     */
    record TrustStore(Path file, Option<String> password) implements TrustPolicy {
        @Override
        public Either<String, X509ExtendedTrustManager> trustManager() {
            return TrustStores.fromFile(file, password);
        }
    }

    /**
     * Pinned keys.
     *
     * @param subjectPublicKeyInfoSha256 the SHA-256 hashes of the trusted DER SubjectPublicKeyInfos
     */
    record Pinned(Seq<Bytes> subjectPublicKeyInfoSha256) implements TrustPolicy {
        @Override
        public Either<String, X509ExtendedTrustManager> trustManager() {
            return Either.right(new PinnedTrustManager(subjectPublicKeyInfoSha256));
        }
    }

    /** Trusts everything; see {@link TrustPolicy#insecureTrustAllForTestsOnly()}. */
    record InsecureTrustAll() implements TrustPolicy {

        /** Logs the warning. */
        public InsecureTrustAll {
            LoggerFactory.getLogger(TrustPolicy.class).warn(
                    "TLS trusts every certificate and checks no identity: insecureTrustAllForTestsOnly is for tests only");
        }

        @Override
        public Either<String, X509ExtendedTrustManager> trustManager() {
            return Either.right(new TrustAllTrustManager());
        }
    }
}
