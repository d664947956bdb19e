package dev.starling.io.tls;

import io.vavr.collection.Seq;
import io.vavr.collection.Stream;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** PKIX trust managers (RFC 5280 §6) of the JDK over a trust store: the JDK's default, a PEM bundle (RFC 7468 §5) or PKCS #12 (RFC 7292). */
final class TrustStores {

    private static final Pattern PEM_CERTIFICATE = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END CERTIFICATE-----");

    private TrustStores() {
    }

    static Either<String, X509ExtendedTrustManager> system() {
        return trustManager(null);
    }

    static Either<String, X509ExtendedTrustManager> fromFile(Path file, Option<String> password) {
        try {
            byte[] content = Files.readAllBytes(file);
            String text = new String(content, StandardCharsets.US_ASCII);
            Either<String, KeyStore> store = text.contains("-----BEGIN CERTIFICATE-----")
                    ? pemStore(text)
                    : Either.right(pkcs12Store(content, password));
            return store.flatMap(TrustStores::trustManager).mapLeft(reason -> file + ": " + reason);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            return Either.left("cannot read the trust store " + file + ": " + e);
        }
    }

    private static KeyStore pkcs12Store(byte[] content, Option<String> password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(content), password.map(String::toCharArray).getOrNull());
        return store;
    }

    private static Either<String, KeyStore> pemStore(String text) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        Seq<X509Certificate> certificates = Stream.ofAll(PEM_CERTIFICATE.matcher(text).results().toList())
                .map(match -> Base64.getMimeDecoder().decode(match.group(1)))
                .map(der -> parse(factory, der));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (var indexed : certificates.zipWithIndex()) {
            store.setCertificateEntry("certificate-" + indexed._2, indexed._1);
        }
        return certificates.isEmpty() ? Either.left("no certificate in the PEM bundle") : Either.right(store);
    }

    private static X509Certificate parse(CertificateFactory factory, byte[] der) {
        try {
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("a PEM block is not a certificate", e);
        }
    }

    private static Either<String, X509ExtendedTrustManager> trustManager(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return Stream.of(factory.getTrustManagers())
                    .filter(X509ExtendedTrustManager.class::isInstance)
                    .map(X509ExtendedTrustManager.class::cast)
                    .headOption()
                    .toEither("the JDK's TrustManagerFactory gave no X509ExtendedTrustManager");
        } catch (GeneralSecurityException e) {
            return Either.left("cannot build a trust manager: " + e);
        }
    }
}
