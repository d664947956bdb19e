package dev.starling.io.tls;

import dev.starling.model.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The TLS 1.3 keying-material exporter (RFC 8446 §7.5) over an exporter_master_secret, computed with the JDK's
 * HMAC: {@code HKDF-Expand-Label(Derive-Secret(secret, label, ""), "exporter", Hash(context), length)}, with
 * HKDF-Expand of RFC 5869 §2.3 and the HkdfLabel of RFC 8446 §7.1. The hash is the cipher suite's, told apart by
 * the secret's length (SHA-256: 32 bytes, SHA-384: 48; RFC 8446 §B.4).
 */
final class Tls13Exporter {

    /** The exporter label and length of the {@code tls-exporter} channel binding (RFC 9266 §2). */
    private static final String CHANNEL_BINDING_LABEL = "EXPORTER-Channel-Binding";
    private static final int CHANNEL_BINDING_LENGTH = 32;

    private Tls13Exporter() {
    }

    /** The {@code tls-exporter} channel binding of RFC 9266 §2: 32 bytes, label "EXPORTER-Channel-Binding", no context. */
    static Bytes channelBinding(byte[] exporterMasterSecret) {
        return Bytes.wrapOwned(export(exporterMasterSecret, CHANNEL_BINDING_LABEL, new byte[0], CHANNEL_BINDING_LENGTH));
    }

    /** TLS-Exporter(label, context_value, key_length) of RFC 8446 §7.5. */
    static byte[] export(byte[] exporterMasterSecret, String label, byte[] context, int length) {
        Hash hash = Hash.ofSecretLength(exporterMasterSecret.length);
        byte[] emptyHash = hash.digest(new byte[0]);
        byte[] derived = expandLabel(hash, exporterMasterSecret, label, emptyHash, hash.length);
        return expandLabel(hash, derived, "exporter", hash.digest(context), length);
    }

    /** HKDF-Expand-Label(Secret, Label, Context, Length) of RFC 8446 §7.1. */
    static byte[] expandLabel(Hash hash, byte[] secret, String label, byte[] context, int length) {
        byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer info = ByteBuffer.allocate(2 + 1 + fullLabel.length + 1 + context.length);
        info.putShort((short) length).put((byte) fullLabel.length).put(fullLabel).put((byte) context.length).put(context);
        return expand(hash, secret, info.array(), length);
    }

    /** HKDF-Expand(PRK, info, L) of RFC 5869 §2.3. */
    private static byte[] expand(Hash hash, byte[] pseudoRandomKey, byte[] info, int length) {
        try {
            Mac mac = Mac.getInstance(hash.hmac);
            mac.init(new SecretKeySpec(pseudoRandomKey, hash.hmac));
            byte[] output = new byte[length];
            byte[] block = new byte[0];
            for (int counter = 1, written = 0; written < length; counter++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) counter);
                block = mac.doFinal();
                int take = Math.min(block.length, length - written);
                System.arraycopy(block, 0, output, written, take);
                written += take;
            }
            return output;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + hash.hmac, e);
        }
    }

    /** The hash functions of the TLS 1.3 cipher suites (RFC 8446 §B.4). */
    enum Hash {
        SHA256("SHA-256", "HmacSHA256", 32),
        SHA384("SHA-384", "HmacSHA384", 48);

        private final String digest;
        private final String hmac;
        private final int length;

        Hash(String digest, String hmac, int length) {
            this.digest = digest;
            this.hmac = hmac;
            this.length = length;
        }

        static Hash ofSecretLength(int length) {
            for (Hash hash : values()) {
                if (hash.length == length) {
                    return hash;
                }
            }
            throw new IllegalArgumentException("no TLS 1.3 hash gives " + length + "-byte secrets");
        }

        byte[] digest(byte[] data) {
            try {
                return MessageDigest.getInstance(digest).digest(data);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks " + digest, e);
            }
        }
    }
}
