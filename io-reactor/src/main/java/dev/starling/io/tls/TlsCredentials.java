package dev.starling.io.tls;

import io.vavr.collection.Seq;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A private key with its certificate chain, leaf first: what a TLS server presents (RFC 8446 §4.4.2), or a
 * client presents for SASL EXTERNAL (RFC 6120 §6.4, XEP-0178).
 *
 * @param privateKey the leaf certificate's private key
 * @param chain      the certificate chain, leaf first, never empty
 */
public record TlsCredentials(PrivateKey privateKey, Seq<X509Certificate> chain) {

    /** Checks that the chain is not empty. */
    public TlsCredentials {
        Objects.requireNonNull(privateKey, "privateKey");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least the leaf certificate");
        }
    }

    /** The leaf certificate. */
    public X509Certificate certificate() {
        return chain.head();
    }

    /** Names the leaf's subject, never the key. */
    @Override
    public String toString() {
        return "TlsCredentials[" + certificate().getSubjectX500Principal().getName() + ", chain of " + chain.size() + "]";
    }
}
