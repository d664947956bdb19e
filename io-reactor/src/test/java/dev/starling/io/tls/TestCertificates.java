package dev.starling.io.tls;

import io.vavr.collection.List;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed test certificates with a chosen key and signature algorithm, for RFC 5929 hash selection. */
final class TestCertificates {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private TestCertificates() {
    }

    /**
     * A self-signed certificate for {@code domain} (dNSName) with a fresh key.
     *
     * @param keyAlgorithm       "EC", "RSA" or "Ed25519"
     * @param keySize            bits for EC and RSA, ignored for Ed25519
     * @param signatureAlgorithm a BouncyCastle signature algorithm name, e.g. "SHA384withRSAandMGF1"
     */
    static TlsCredentials selfSigned(String domain, String keyAlgorithm, int keySize, String signatureAlgorithm)
            throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm, BC);
        if (!keyAlgorithm.equals("Ed25519")) {
            generator.initialize(keySize);
        }
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + domain);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, new DERIA5String(domain))));
        X509Certificate certificate = new JcaX509CertificateConverter().setProvider(BC).getCertificate(
                builder.build(new JcaContentSignerBuilder(signatureAlgorithm).setProvider(BC).build(keys.getPrivate())));
        return new TlsCredentials(keys.getPrivate(), List.of(certificate));
    }
}
