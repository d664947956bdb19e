package dev.starling.io.tls;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.security.cert.X509Certificate;

/**
 * A certification authority made on the spot, for tests and test deployments: a self-signed EC P-256 CA
 * certificate (RFC 5280 §4.2.1.9) that issues server certificates with the XMPP names of RFC 6120 §13.7.1 and
 * client certificates carrying an id-on-xmppAddr for SASL EXTERNAL (RFC 6120 §6.4, XEP-0178 §3). Trust it with
 * {@link TrustPolicy#trustStore} (after writing {@link #certificate()} to a file) or
 * {@link TrustPolicy#pinned}.
 */
public final class CertificateAuthority {

    private final TlsCredentials credentials;

    private CertificateAuthority(TlsCredentials credentials) {
        this.credentials = credentials;
    }

    /** A new authority whose certificate's subject is {@code CN=<commonName>}. */
    public static CertificateAuthority create(String commonName) {
        return new CertificateAuthority(CertificateBuilder.selfSigned(
                new CertificateNames(Option.some(commonName), List.empty(), List.empty(), List.empty()),
                CertificateUsage.AUTHORITY));
    }

    /** The authority's own certificate: the trust anchor. */
    public X509Certificate certificate() {
        return credentials.certificate();
    }

    /** A certificate for a fresh key with exactly the given names; the chain is leaf, then this authority. */
    public TlsCredentials issue(CertificateNames names, CertificateUsage usage) {
        return CertificateBuilder.issuedBy(credentials, names, usage);
    }

    /** A client certificate for SASL EXTERNAL: CN and id-on-xmppAddr {@code jid} (XEP-0178 §3). */
    public TlsCredentials issueClient(String jid) {
        return issue(CertificateNames.forJid(jid), CertificateUsage.CLIENT);
    }
}
