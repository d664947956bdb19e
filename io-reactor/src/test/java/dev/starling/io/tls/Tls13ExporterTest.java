package dev.starling.io.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.bouncycastle.tls.crypto.CryptoHashAlgorithm;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsCryptoUtils;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link Tls13Exporter} against BouncyCastle's own HKDF-Expand-Label (an independent implementation of RFC 8446
 * §7.1) over random secrets, labels and contexts, for both TLS 1.3 hashes.
 */
class Tls13ExporterTest {

    private static final TlsCrypto BOUNCY_CASTLE = new JcaTlsCryptoProvider().create(new SecureRandom());

    @Property(tries = 200)
    void expandLabelAgreesWithBouncyCastle(@ForAll boolean sha384, @ForAll @Size(max = 64) byte[] context,
                                           @ForAll @StringLength(min = 1, max = 40) String label,
                                           @ForAll @IntRange(min = 1, max = 100) int length, @ForAll long seed) {
        Tls13Exporter.Hash hash = sha384 ? Tls13Exporter.Hash.SHA384 : Tls13Exporter.Hash.SHA256;
        byte[] secret = secret(sha384 ? 48 : 32, seed);
        String ascii = label.chars().map(c -> 'a' + Math.floorMod(c, 26))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        byte[] ours = Tls13Exporter.expandLabel(hash, secret, ascii, context, length);

        assertThat(ours).isEqualTo(bouncyCastleExpandLabel(sha384, secret, ascii, context, length));
    }

    @Property(tries = 50)
    void theChannelBindingIsTheExporterOfRfc8446Section7_5(@ForAll boolean sha384, @ForAll long seed) {
        byte[] secret = secret(sha384 ? 48 : 32, seed);
        int hash = sha384 ? CryptoHashAlgorithm.sha384 : CryptoHashAlgorithm.sha256;
        byte[] emptyHash = BOUNCY_CASTLE.createHash(hash).calculateHash();
        byte[] derived = bouncyCastleExpandLabel(sha384, secret, "EXPORTER-Channel-Binding", emptyHash, sha384 ? 48 : 32);
        byte[] expected = bouncyCastleExpandLabel(sha384, derived, "exporter", emptyHash, 32);

        assertThat(Tls13Exporter.channelBinding(secret).toArray()).isEqualTo(expected);
    }

    @Test
    void aSecretOfNoTls13HashLengthIsRefused() {
        assertThatThrownBy(() -> Tls13Exporter.channelBinding(new byte[20])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] secret(int length, long seed) {
        byte[] secret = new byte[length];
        new java.util.Random(seed).nextBytes(secret);
        return secret;
    }

    private static byte[] bouncyCastleExpandLabel(boolean sha384, byte[] secret, String label, byte[] context, int length) {
        try {
            TlsSecret tlsSecret = BOUNCY_CASTLE.createSecret(secret);
            return TlsCryptoUtils.hkdfExpandLabel(tlsSecret, sha384 ? CryptoHashAlgorithm.sha384 : CryptoHashAlgorithm.sha256,
                    label, context, length).extract();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
