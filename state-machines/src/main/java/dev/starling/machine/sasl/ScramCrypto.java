package dev.starling.machine.sasl;

import dev.starling.model.Bytes;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The SCRAM functions of RFC 5802 §2.2 and §3 over the JDK's providers: Hi() is PBKDF2 with the
 * mechanism's HMAC (the JDK encodes the password as UTF-8), H() the digest, and the keys, proof
 * and signatures built from them. Pure computation.
 */
final class ScramCrypto {

    private static final byte[] CLIENT_KEY = "Client Key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_KEY = "Server Key".getBytes(StandardCharsets.US_ASCII);

    private ScramCrypto() {
    }

    /** {@code SaltedPassword := Hi(Normalize(password), salt, i)}; the password is already prepared. */
    static byte[] saltedPassword(ScramHash hash, String preparedPassword, Bytes salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(preparedPassword.toCharArray(), salt.toArray(), iterations, hash.keyLength() * 8);
        try {
            return SecretKeyFactory.getInstance(hash.pbkdf2Algorithm()).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + hash.pbkdf2Algorithm(), e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The stored form of a salted password: StoredKey and ServerKey. */
    static ScramCredentials credentials(ScramHash hash, byte[] saltedPassword, Bytes salt, int iterations) {
        byte[] storedKey = digest(hash, clientKey(hash, saltedPassword));
        byte[] serverKey = hmac(hash, saltedPassword, SERVER_KEY);
        return new ScramCredentials(hash, salt, iterations, Bytes.wrapOwned(storedKey), Bytes.wrapOwned(serverKey));
    }

    /** {@code ClientKey := HMAC(SaltedPassword, "Client Key")}. */
    static byte[] clientKey(ScramHash hash, byte[] saltedPassword) {
        return hmac(hash, saltedPassword, CLIENT_KEY);
    }

    /** {@code ServerKey := HMAC(SaltedPassword, "Server Key")}. */
    static byte[] serverKey(ScramHash hash, byte[] saltedPassword) {
        return hmac(hash, saltedPassword, SERVER_KEY);
    }

    /** {@code HMAC(key, str)}. */
    static byte[] hmac(ScramHash hash, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(hash.macAlgorithm());
            mac.init(new SecretKeySpec(key, hash.macAlgorithm()));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + hash.macAlgorithm(), e);
        }
    }

    /** {@code H(str)}. */
    static byte[] digest(ScramHash hash, byte[] data) {
        try {
            return MessageDigest.getInstance(hash.digestAlgorithm()).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + hash.digestAlgorithm(), e);
        }
    }

    /** The octet-wise exclusive or of two arrays of the same length. */
    static byte[] xor(byte[] a, byte[] b) {
        byte[] result = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = (byte) (a[i] ^ b[i]);
        }
        return result;
    }

    /** Compares secrets in time independent of where they differ. */
    static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
