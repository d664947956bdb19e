package dev.starling.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** A benchmark server's certificate in a temporary PEM file (RFC 7468 §5), for the clients of another JVM to pin. */
public final class CertificatePem {

    private CertificatePem() {
    }

    /** Writes {@code certificate} to a new temporary file named {@code prefix...pem} and returns its path. */
    public static Path writeTemporary(X509Certificate certificate, String prefix) throws IOException, CertificateEncodingException {
        Path pem = Files.createTempFile(prefix, ".pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return pem;
    }
}
