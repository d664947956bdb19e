package dev.starling.io.tls;

import dev.starling.model.Bytes;
import io.vavr.control.Option;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.tls.crypto.TlsCryptoUtils;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.AbstractTlsSecret;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JceTlsSecret;

/**
 * A TLS 1.3 key-schedule secret (RFC 8446 §7.1) that watches its own derivations. Every secret derived from
 * one is again an {@code ExporterSecret}, so the whole schedule of a handshake is. When a secret is expanded
 * with the label "exp master", the result is the exporter_master_secret: at that moment, while it is alive,
 * the {@code tls-exporter} channel binding of RFC 9266 §2 is computed from it with the exporter of
 * RFC 8446 §7.5 (label "EXPORTER-Channel-Binding", empty context, 32 bytes) and passed to
 * {@link ExporterCapture}. BouncyCastle's own exporter cannot serve: it erases the secret when the
 * handshake completes (bc-java issue 1535).
 */
final class ExporterSecret extends JceTlsSecret {

    private static final String TLS13_EXPORTER_MASTER = "tls13 exp master";
    private static final String CHANNEL_BINDING_LABEL = "EXPORTER-Channel-Binding";
    private static final int CHANNEL_BINDING_LENGTH = 32;

    ExporterSecret(JcaTlsCrypto crypto, byte[] data) {
        super(crypto, data);
    }

    @Override
    public synchronized TlsSecret hkdfExpand(int cryptoHashAlgorithm, byte[] info, int length) {
        ExporterSecret derived = adopt(super.hkdfExpand(cryptoHashAlgorithm, info, length));
        if (label(info).contains(TLS13_EXPORTER_MASTER)) {
            ExporterCapture.deliver(channelBinding(derived, cryptoHashAlgorithm));
        }
        return derived;
    }

    @Override
    public synchronized TlsSecret hkdfExtract(int cryptoHashAlgorithm, TlsSecret ikm) {
        return adopt(super.hkdfExtract(cryptoHashAlgorithm, ikm));
    }

    private ExporterSecret adopt(TlsSecret secret) {
        ExporterSecret adopted = new ExporterSecret(crypto, copyData((AbstractTlsSecret) secret));
        secret.destroy();
        return adopted;
    }

    /** RFC 8446 §7.5: HKDF-Expand-Label(Derive-Secret(secret, label, ""), "exporter", Hash(""), 32). */
    private Bytes channelBinding(TlsSecret exporterMasterSecret, int cryptoHashAlgorithm) {
        try {
            byte[] emptyHash = crypto.createHash(cryptoHashAlgorithm).calculateHash();
            TlsSecret labelled = TlsCryptoUtils.hkdfExpandLabel(exporterMasterSecret, cryptoHashAlgorithm,
                    CHANNEL_BINDING_LABEL, emptyHash, TlsCryptoUtils.getHashOutputSize(cryptoHashAlgorithm));
            return Bytes.wrapOwned(TlsCryptoUtils.hkdfExpandLabel(labelled, cryptoHashAlgorithm, "exporter",
                    emptyHash, CHANNEL_BINDING_LENGTH).extract());
        } catch (IOException e) {
            throw new IllegalStateException("HKDF-Expand-Label failed", e);
        }
    }

    /** The label of an HkdfLabel structure (RFC 8446 §7.1): uint16 length, then label&lt;7..255&gt;. */
    private static Option<String> label(byte[] info) {
        if (info.length < 3 || info.length < 3 + (info[2] & 0xff)) {
            return Option.none();
        }
        return Option.some(new String(info, 3, info[2] & 0xff, StandardCharsets.US_ASCII));
    }
}
