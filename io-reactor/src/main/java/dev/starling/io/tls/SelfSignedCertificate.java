package dev.starling.io.tls;

import dev.starling.io.dns.DomainNames;
import io.vavr.collection.Array;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * The self-signed certificate of an XMPP server that has no certificate from an authority: an EC P-256 key,
 * SHA256withECDSA, valid for ten years, CN and subjectAltName dNSName {@code <domain>}, SRVName
 * {@code _xmpp-client.<domain>} (RFC 4985, RFC 6120 §13.7.1.2.1) and id-on-xmppAddr {@code <domain>}
 * (RFC 6120 §13.7.1.4). Clients accept it only when told to (a trust store holding it, or its key pinned).
 *
 * <p>{@link #loadOrCreate} keeps it in {@code <directory>/<A-label domain>.p12} (PKCS #12, RFC 7292): the first
 * start creates the file, later starts reuse it. The file's password is fixed and no secret: the file is
 * protected by its owner-only permissions. Both methods do blocking file I/O; call them at start-up or on a
 * scheduler that may block.
 */
public final class SelfSignedCertificate {

    private static final String ALIAS = "xmpp-server";
    private static final char[] PASSWORD = "starling".toCharArray();

    private SelfSignedCertificate() {
    }

    /** A new self-signed server certificate for {@code domain}. */
    public static TlsCredentials generate(String domain) {
        return CertificateBuilder.selfSigned(CertificateNames.forDomain(domain), CertificateUsage.SERVER);
    }

    /** The server certificate stored for {@code domain} in {@code directory}, created and stored if absent. */
    public static Either<String, TlsCredentials> loadOrCreate(Path directory, String domain) {
        return DomainNames.toAscii(domain)
                .toEither(() -> "not a domain name: " + domain)
                .flatMap(ascii -> {
                    Path file = directory.resolve(ascii + ".p12");
                    return Files.exists(file) ? load(file) : create(directory, file, ascii);
                });
    }

    private static Either<String, TlsCredentials> load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            if (!(store.getKey(ALIAS, PASSWORD) instanceof PrivateKey key)) {
                return Either.left(file + " holds no key named " + ALIAS);
            }
            Certificate[] chain = store.getCertificateChain(ALIAS);
            return Either.right(new TlsCredentials(key, Array.of(chain).map(X509Certificate.class::cast)));
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            return Either.left("cannot read " + file + ": " + e);
        }
    }

    private static Either<String, TlsCredentials> create(Path directory, Path file, String domain) {
        TlsCredentials credentials = generate(domain);
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, domain, ".p12.tmp");
            restrictToOwner(temporary);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, credentials.privateKey(), PASSWORD,
                    credentials.chain().toJavaArray(X509Certificate[]::new));
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, PASSWORD);
            }
            moveIntoPlace(temporary, file);
            return Either.right(credentials);
        } catch (IOException | GeneralSecurityException e) {
            return Either.left("cannot store a certificate in " + file + ": " + e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void moveIntoPlace(Path temporary, Path file) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
