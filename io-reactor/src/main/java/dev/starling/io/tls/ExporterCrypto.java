package dev.starling.io.tls;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.bouncycastle.jcajce.util.DefaultJcaJceHelper;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.crypto.TlsCryptoUtils;
import org.bouncycastle.tls.crypto.TlsNonceGenerator;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipherImpl;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JceAEADCipherImpl;

/**
 * BouncyCastle's JCA TLS crypto whose TLS 1.3 key schedules start from an {@link ExporterSecret}, so that
 * the {@code tls-exporter} channel binding (RFC 9266) is computed during every TLS 1.3 handshake. Its
 * {@link Provider} plugs it into the BouncyCastle JSSE provider. AES-GCM records are protected by
 * the JDK's own provider.
 */
final class ExporterCrypto extends JcaTlsCrypto {

    private static final JcaJceHelper JDK = new DefaultJcaJceHelper();

    private final SecureRandom nonceEntropy;

    private ExporterCrypto(JcaJceHelper helper, JcaJceHelper alternateHelper, SecureRandom entropy,
                           SecureRandom nonceEntropy) {
        super(helper, alternateHelper, entropy, nonceEntropy);
        this.nonceEntropy = nonceEntropy;
    }

    /**
     * Nonces (hello randoms, session ids) straight from the crypto's nonce {@link SecureRandom}, a
     * thread-safe CSPRNG shared by the connections, as OpenSSL and the JDK's own TLS do. BouncyCastle
     * would build a SHA-512 hash DRBG per connection and keep it for the connection's life: about
     * 1.2 KiB of heap per idle session, measured by the chat load run.
     */
    @Override
    public TlsNonceGenerator createNonceGenerator(byte[] additionalSeedMaterial) {
        return size -> {
            byte[] nonce = new byte[size];
            nonceEntropy.nextBytes(nonce);
            return nonce;
        };
    }

    /**
     * AES-GCM record protection from the JDK's SunJCE, which uses the CPU's AES and carry-less
     * multiply instructions and keeps no table; BouncyCastle's JCA provider does GCM in Java with an
     * 8 KiB multiplication table per direction, 17 KiB of heap per idle session (measured by the
     * chat load run, {@code benchmarks/RESULTS-chat.md}). Everything else stays with BouncyCastle.
     */
    @Override
    protected TlsAEADCipherImpl createAEADCipher(String cipherName, String algorithm, int keySize, boolean isEncrypting)
            throws GeneralSecurityException {
        if (cipherName.startsWith("AES/GCM/")) {
            return new JceAEADCipherImpl(this, JDK, cipherName, algorithm, keySize, isEncrypting);
        }
        return super.createAEADCipher(cipherName, algorithm, keySize, isEncrypting);
    }

    /** The start of the RFC 8446 §7.1 key schedule: a string of Hash.length zero bytes. */
    @Override
    public TlsSecret hkdfInit(int cryptoHashAlgorithm) {
        return new ExporterSecret(this, new byte[TlsCryptoUtils.getHashOutputSize(cryptoHashAlgorithm)]);
    }

    /** Creates {@link ExporterCrypto}s over BouncyCastle's JCA provider. */
    static final class Provider extends JcaTlsCryptoProvider {

        Provider() {
            setProvider(new BouncyCastleProvider());
        }

        @Override
        public JcaTlsCrypto create(SecureRandom entropy, SecureRandom nonceEntropy) {
            return new ExporterCrypto(getHelper(), getAltHelper(), entropy, nonceEntropy);
        }
    }
}
