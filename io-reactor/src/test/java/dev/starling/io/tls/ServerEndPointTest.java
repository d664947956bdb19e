package dev.starling.io.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starling.model.Bytes;
import io.vavr.control.Option;
import java.security.MessageDigest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5929 §4.1: the hash function for tls-server-end-point, per certificate signature algorithm. */
class ServerEndPointTest {

    @ParameterizedTest(name = "{2} -> {3}")
    @CsvSource({
        "EC, 256, SHA1withECDSA, SHA-256",
        "EC, 256, SHA224withECDSA, SHA-224",
        "EC, 256, SHA256withECDSA, SHA-256",
        "EC, 384, SHA384withECDSA, SHA-384",
        "EC, 521, SHA512withECDSA, SHA-512",
        "RSA, 2048, MD5withRSA, SHA-256",
        "RSA, 2048, SHA1withRSA, SHA-256",
        "RSA, 2048, SHA256withRSA, SHA-256",
        "RSA, 2048, SHA384withRSA, SHA-384",
        "RSA, 2048, SHA512withRSA, SHA-512",
        "RSA, 2048, SHA1withRSAandMGF1, SHA-256",
        "RSA, 2048, SHA256withRSAandMGF1, SHA-256",
        "RSA, 2048, SHA512withRSAandMGF1, SHA-512",
        "EC, 256, SHA3-256withECDSA, SHA3-256",
    })
    void hashesWithTheSignatureHashUpgradingMd5AndSha1(String key, int size, String signature, String hash)
            throws Exception {
        TlsCredentials credentials = TestCertificates.selfSigned("example.com", key, size, signature);

        assertThat(ServerEndPoint.hashOf(credentials.certificate())).contains(hash);
        assertThat(ServerEndPoint.of(credentials.certificate())).contains(
                Bytes.of(MessageDigest.getInstance(hash).digest(credentials.certificate().getEncoded())));
    }

    @ParameterizedTest
    @CsvSource({"Ed25519, 0, Ed25519"})
    void isUndefinedForSignaturesWithoutOneHash(String key, int size, String signature) throws Exception {
        TlsCredentials credentials = TestCertificates.selfSigned("example.com", key, size, signature);

        assertThat(ServerEndPoint.of(credentials.certificate())).isEqualTo(Option.none());
    }
}
