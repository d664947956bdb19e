package dev.starling.io.tls;

import dev.starling.model.Bytes;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a chain when a pinned key vouches for it: a pin is the SHA-256 hash of a DER-encoded
 * SubjectPublicKeyInfo (RFC 7469 §2.4). If the leaf's key is pinned, the leaf is trusted while it is within
 * its validity period. If the key of another certificate in the chain is pinned, that certificate is the
 * trust anchor and the certificates below it must form a valid PKIX path to it (RFC 5280 §6; revocation is
 * not checked). A chain that merely contains a pinned certificate proves nothing: the path is what counts.
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {

    private final Set<Bytes> pins;

    PinnedTrustManager(Seq<Bytes> pins) {
        this.pins = pins.toSet();
    }

    /** The pin of a certificate's key: SHA-256 over its DER SubjectPublicKeyInfo. */
    static Bytes pinOf(X509Certificate certificate) {
        try {
            return Bytes.wrapOwned(MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain.length == 0) {
            throw new CertificateException("the peer sent no certificate");
        }
        if (pins.contains(pinOf(chain[0]))) {
            chain[0].checkValidity();
            return;
        }
        for (int anchor = 1; anchor < chain.length; anchor++) {
            if (pins.contains(pinOf(chain[anchor]))) {
                validatePath(Array.of(chain).take(anchor), chain[anchor]);
                return;
            }
        }
        throw new CertificateException("no key in the certificate chain is pinned");
    }

    private static void validatePath(Seq<X509Certificate> path, X509Certificate anchor) throws CertificateException {
        try {
            PKIXParameters parameters = new PKIXParameters(java.util.Set.of(new TrustAnchor(anchor, null)));
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path.toJavaList()), parameters);
        } catch (GeneralSecurityException e) {
            throw new CertificateException("the chain does not lead to the pinned key: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
