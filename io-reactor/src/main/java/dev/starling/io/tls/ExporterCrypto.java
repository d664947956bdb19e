package dev.starling.io.tls;

import java.security.SecureRandom;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.crypto.TlsCryptoUtils;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * BouncyCastle's JCA TLS crypto whose TLS 1.3 key schedules start from an {@link ExporterSecret}, so that
 * the {@code tls-exporter} channel binding (RFC 9266) is computed during every TLS 1.3 handshake. Its
 * {@link Provider} plugs it into the BouncyCastle JSSE provider.
 */
final class ExporterCrypto extends JcaTlsCrypto {

    private ExporterCrypto(JcaJceHelper helper, JcaJceHelper alternateHelper, SecureRandom entropy,
                           SecureRandom nonceEntropy) {
        super(helper, alternateHelper, entropy, nonceEntropy);
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
