package dev.starling.io.tls;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues X.509 v3 certificates (RFC 5280) with EC P-256 keys signed with SHA256withECDSA, valid for ten
 * years, carrying the XMPP names of RFC 6120 §13.7.1.
 */
final class CertificateBuilder {

    private static final Duration VALIDITY = Duration.ofDays(3653);
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateBuilder() {
    }

    /** A fresh EC key pair on P-256 (secp256r1). */
    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate EC P-256 keys", e);
        }
    }

    /** A certificate whose subject is its own issuer, signed with its own key. */
    static TlsCredentials selfSigned(CertificateNames names, CertificateUsage usage) {
        KeyPair keys = newKeyPair();
        X500Name subject = subject(names);
        X509Certificate certificate = issue(subject, keys, subject, keys.getPrivate(), names, usage);
        return new TlsCredentials(keys.getPrivate(), List.of(certificate));
    }

    /** A certificate for a fresh key, signed by {@code issuer}; its chain ends with the issuer's chain. */
    static TlsCredentials issuedBy(TlsCredentials issuer, CertificateNames names, CertificateUsage usage) {
        KeyPair keys = newKeyPair();
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        X509Certificate certificate = issue(subject(names), keys, issuerName, issuer.privateKey(), names, usage);
        return new TlsCredentials(keys.getPrivate(), issuer.chain().prepend(certificate));
    }

    private static X509Certificate issue(X500Name subject, KeyPair keys, X500Name issuer, PrivateKey signingKey,
                                         CertificateNames names, CertificateUsage usage) {
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM),
                    Date.from(now.minus(CLOCK_SKEW)), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.basicConstraints, true,
                    new BasicConstraints(usage == CertificateUsage.AUTHORITY));
            builder.addExtension(Extension.keyUsage, true, keyUsage(usage));
            if (usage != CertificateUsage.AUTHORITY) {
                builder.addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(usage));
            }
            Seq<GeneralName> alternativeNames = alternativeNames(names);
            if (!alternativeNames.isEmpty()) {
                // RFC 5280 §4.2.1.6: critical when the subject is empty
                builder.addExtension(Extension.subjectAlternativeName, names.commonName().isEmpty(),
                        new GeneralNames(alternativeNames.toJavaArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey)));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot issue a certificate for " + subject, e);
        }
    }

    private static X500Name subject(CertificateNames names) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        names.commonName().forEach(cn -> builder.addRDN(BCStyle.CN, cn));
        return builder.build();
    }

    private static KeyUsage keyUsage(CertificateUsage usage) {
        return usage == CertificateUsage.AUTHORITY
                ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature)
                : new KeyUsage(KeyUsage.digitalSignature);
    }

    private static ExtendedKeyUsage extendedKeyUsage(CertificateUsage usage) {
        return usage == CertificateUsage.SERVER
                ? new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth})
                : new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth);
    }

    private static Seq<GeneralName> alternativeNames(CertificateNames names) {
        return names.dnsNames().<GeneralName>map(dns -> new GeneralName(GeneralName.dNSName, new DERIA5String(dns)))
                .appendAll(names.srvNames().map(srv -> new GeneralName(GeneralName.otherName,
                        new OtherName(XmppCertificateOids.SRV_NAME, new DERIA5String(srv)))))
                .appendAll(names.xmppAddrs().map(jid -> new GeneralName(GeneralName.otherName,
                        new OtherName(XmppCertificateOids.XMPP_ADDR, new DERUTF8String(jid)))));
    }
}
