package dev.starling.io.tls;

import dev.starling.model.Bytes;
import io.vavr.Tuple;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;

/**
 * The {@code tls-server-end-point} channel binding (RFC 5929 §4.1): the hash of the server's DER certificate,
 * with the hash function of the certificate's signature algorithm, except that MD5 and SHA-1 become SHA-256.
 * Undefined (none) for algorithms with no single hash function, such as Ed25519, or unknown ones.
 */
final class ServerEndPoint {

    private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";

    /** Signature algorithm OID to the JCA name of the hash to use (RFC 3279, RFC 4055, RFC 5758; SHA-3: NIST CSOR). */
    private static final Map<String, String> SIGNATURE_HASHES = HashMap.ofEntries(
            // RSA PKCS #1 v1.5: md5, sha1 (both upgraded), sha224, sha256, sha384, sha512
            Tuple.of("1.2.840.113549.1.1.4", "SHA-256"),
            Tuple.of("1.2.840.113549.1.1.5", "SHA-256"),
            Tuple.of("1.2.840.113549.1.1.14", "SHA-224"),
            Tuple.of("1.2.840.113549.1.1.11", "SHA-256"),
            Tuple.of("1.2.840.113549.1.1.12", "SHA-384"),
            Tuple.of("1.2.840.113549.1.1.13", "SHA-512"),
            // ECDSA: sha1 (upgraded), sha224, sha256, sha384, sha512
            Tuple.of("1.2.840.10045.4.1", "SHA-256"),
            Tuple.of("1.2.840.10045.4.3.1", "SHA-224"),
            Tuple.of("1.2.840.10045.4.3.2", "SHA-256"),
            Tuple.of("1.2.840.10045.4.3.3", "SHA-384"),
            Tuple.of("1.2.840.10045.4.3.4", "SHA-512"),
            // DSA: sha1 (upgraded), sha224, sha256
            Tuple.of("1.2.840.10040.4.3", "SHA-256"),
            Tuple.of("2.16.840.1.101.3.4.3.1", "SHA-224"),
            Tuple.of("2.16.840.1.101.3.4.3.2", "SHA-256"),
            // ECDSA and RSA PKCS #1 v1.5 with SHA-3
            Tuple.of("2.16.840.1.101.3.4.3.10", "SHA3-256"),
            Tuple.of("2.16.840.1.101.3.4.3.11", "SHA3-384"),
            Tuple.of("2.16.840.1.101.3.4.3.12", "SHA3-512"),
            Tuple.of("2.16.840.1.101.3.4.3.14", "SHA3-256"),
            Tuple.of("2.16.840.1.101.3.4.3.15", "SHA3-384"),
            Tuple.of("2.16.840.1.101.3.4.3.16", "SHA3-512"));

    /** Hash algorithm OID (of RSASSA-PSS parameters, RFC 4055 §3.1) to the JCA name of the hash to use. */
    private static final Map<String, String> DIGESTS = HashMap.of(
            "1.3.14.3.2.26", "SHA-256",
            "2.16.840.1.101.3.4.2.4", "SHA-224",
            "2.16.840.1.101.3.4.2.1", "SHA-256",
            "2.16.840.1.101.3.4.2.2", "SHA-384",
            "2.16.840.1.101.3.4.2.3", "SHA-512");

    private ServerEndPoint() {
    }

    /** The binding for {@code certificate}, the server's leaf certificate. */
    static Option<Bytes> of(X509Certificate certificate) {
        return hashOf(certificate).flatMap(hash -> Try.of(() ->
                Bytes.wrapOwned(MessageDigest.getInstance(hash).digest(certificate.getEncoded()))).toOption());
    }

    /** The JCA name of the hash RFC 5929 §4.1 picks for the certificate's signature algorithm. */
    static Option<String> hashOf(X509Certificate certificate) {
        String algorithm = certificate.getSigAlgOID();
        if (!RSASSA_PSS.equals(algorithm)) {
            return SIGNATURE_HASHES.get(algorithm);
        }
        // absent parameters mean SHA-1 (RFC 4055 §3.1), which becomes SHA-256
        return Option.of(certificate.getSigAlgParams())
                .map(parameters -> Try.of(() -> RSASSAPSSparams.getInstance(parameters).getHashAlgorithm()
                        .getAlgorithm().getId()).getOrElse(""))
                .map(DIGESTS::get)
                .getOrElse(Option.some("SHA-256"));
    }
}
