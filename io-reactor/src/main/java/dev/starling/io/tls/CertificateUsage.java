package dev.starling.io.tls;

/**
 * What a generated certificate is for, which fixes its basicConstraints, keyUsage and extKeyUsage (RFC 5280
 * §4.2.1.3, §4.2.1.9, §4.2.1.12).
 */
public enum CertificateUsage {
    /** A certification authority: CA, keyCertSign and cRLSign. */
    AUTHORITY,
    /** An XMPP server: digitalSignature, serverAuth and clientAuth (the latter for server-to-server, XEP-0178 §4). */
    SERVER,
    /** An XMPP client for SASL EXTERNAL: digitalSignature, clientAuth (XEP-0178 §3). */
    CLIENT
}
