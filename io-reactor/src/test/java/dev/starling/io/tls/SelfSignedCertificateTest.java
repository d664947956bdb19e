package dev.starling.io.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server certificate of RFC 6120 §13.7.1.2 and §13.7.1.4, generated once and kept in PKCS #12. */
class SelfSignedCertificateTest {

    @Test
    void carriesTheXmppNamesWithTheirAsn1Types() throws Exception {
        TlsCredentials credentials = SelfSignedCertificate.generate("example.com");
        var certificate = credentials.certificate();
        GeneralName[] names = GeneralNames.fromExtensions(
                Certificate.getInstance(certificate.getEncoded()).getTBSCertificate().getExtensions(),
                Extension.subjectAlternativeName).getNames();

        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=example.com");
        assertThat(names).hasSize(3);
        assertThat(names[0].getTagNo()).isEqualTo(GeneralName.dNSName);
        assertThat(names[0].getName()).isInstanceOf(ASN1IA5String.class);
        assertThat(names[0].getName().toString()).isEqualTo("example.com");

        OtherName srv = OtherName.getInstance(names[1].getName());
        assertThat(srv.getTypeID().getId()).isEqualTo("1.3.6.1.5.5.7.8.7");
        assertThat(srv.getValue()).isInstanceOf(ASN1IA5String.class);
        assertThat(srv.getValue().toString()).isEqualTo("_xmpp-client.example.com");

        OtherName xmppAddr = OtherName.getInstance(names[2].getName());
        assertThat(xmppAddr.getTypeID().getId()).isEqualTo("1.3.6.1.5.5.7.8.5");
        assertThat(xmppAddr.getValue()).isInstanceOf(ASN1UTF8String.class);
        assertThat(xmppAddr.getValue().toString()).isEqualTo("example.com");
    }

    @Test
    void isAnEcP256KeySignedWithSha256WithEcdsaForTenYears() throws Exception {
        var certificate = SelfSignedCertificate.generate("example.com").certificate();

        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        ECPublicKey key = (ECPublicKey) certificate.getPublicKey();
        var parameters = java.security.AlgorithmParameters.getInstance("EC");
        parameters.init(key.getParams());
        assertThat(parameters.getParameterSpec(ECGenParameterSpec.class).getName()).isEqualTo("1.2.840.10045.3.1.7"); // P-256
        certificate.verify(certificate.getPublicKey());
        Duration validity = Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        assertThat(validity).isBetween(Duration.ofDays(3650), Duration.ofDays(3654));
        assertThat(certificate.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(3650)));
        assertThat(certificate.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    void theFirstStartCreatesTheFileAndLaterStartsReuseIt(@TempDir Path directory) throws Exception {
        Path store = directory.resolve("certificates");

        TlsCredentials first = SelfSignedCertificate.loadOrCreate(store, "example.com").get();
        TlsCredentials second = SelfSignedCertificate.loadOrCreate(store, "example.com").get();

        Path file = store.resolve("example.com.p12");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(second.certificate()).isEqualTo(first.certificate());
        assertThat(second.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
        try (var files = Files.list(store)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void eachDomainHasItsOwnFileNamedByItsALabel(@TempDir Path directory) {
        TlsCredentials idn = SelfSignedCertificate.loadOrCreate(directory, "Bücher.example").get();
        TlsCredentials other = SelfSignedCertificate.loadOrCreate(directory, "example.org").get();

        assertThat(directory.resolve("xn--bcher-kva.example.p12")).exists();
        assertThat(PresentedIdentifiers.of(idn.certificate()).xmppAddrs()).containsExactly("bücher.example");
        assertThat(other.certificate()).isNotEqualTo(idn.certificate());
    }

    @Test
    void aDamagedFileIsReportedNotReplaced(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("example.com.p12"), "not a key store");

        Either<String, TlsCredentials> loaded = SelfSignedCertificate.loadOrCreate(directory, "example.com");

        assertThat(loaded.getLeft()).startsWith("cannot read " + file);
        assertThat(Files.readString(file)).isEqualTo("not a key store");
    }

    @Test
    void aDomainThatIsNoDomainNameIsRefused(@TempDir Path directory) {
        assertThat(SelfSignedCertificate.loadOrCreate(directory, "../etc"))
                .isEqualTo(Either.left("not a domain name: ../etc"));
    }
}
