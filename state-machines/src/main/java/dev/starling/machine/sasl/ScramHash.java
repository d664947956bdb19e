package dev.starling.machine.sasl;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * The hash functions SCRAM is defined for, strongest last: SHA-1 (RFC 5802 §5), SHA-256
 * (RFC 7677) and SHA-512 (draft-melnikov-scram-sha-512), each with the names of its mechanism,
 * of its -PLUS variant (RFC 5802 §4), and of the JCA algorithms that compute it.
 */
public enum ScramHash {
    SHA_1("SCRAM-SHA-1", "SHA-1", "HmacSHA1", "PBKDF2WithHmacSHA1", 20),
    SHA_256("SCRAM-SHA-256", "SHA-256", "HmacSHA256", "PBKDF2WithHmacSHA256", 32),
    SHA_512("SCRAM-SHA-512", "SHA-512", "HmacSHA512", "PBKDF2WithHmacSHA512", 64);

    private static final String PLUS_SUFFIX = "-PLUS";

    private final String mechanismName;
    private final String digestAlgorithm;
    private final String macAlgorithm;
    private final String pbkdf2Algorithm;
    private final int keyLength;

    ScramHash(String mechanismName, String digestAlgorithm, String macAlgorithm, String pbkdf2Algorithm, int keyLength) {
        this.mechanismName = mechanismName;
        this.digestAlgorithm = digestAlgorithm;
        this.macAlgorithm = macAlgorithm;
        this.pbkdf2Algorithm = pbkdf2Algorithm;
        this.keyLength = keyLength;
    }

    /** The hashes from the strongest to the weakest. */
    public static Seq<ScramHash> strongestFirst() {
        return List.of(SHA_512, SHA_256, SHA_1);
    }

    /** The mechanism name without channel binding, e.g. {@code SCRAM-SHA-256}. */
    public String mechanismName() {
        return mechanismName;
    }

    /** The mechanism name with channel binding, e.g. {@code SCRAM-SHA-256-PLUS}. */
    public String plusMechanismName() {
        return mechanismName + PLUS_SUFFIX;
    }

    /** The name of the mechanism with or without channel binding. */
    public String mechanismName(boolean plus) {
        return plus ? plusMechanismName() : mechanismName;
    }

    /** The JCA {@code MessageDigest} name, e.g. {@code SHA-256}. */
    public String digestAlgorithm() {
        return digestAlgorithm;
    }

    /** The JCA {@code Mac} name, e.g. {@code HmacSHA256}. */
    public String macAlgorithm() {
        return macAlgorithm;
    }

    /** The JCA {@code SecretKeyFactory} name of Hi() (RFC 5802 §2.2 is PBKDF2 with the HMAC), e.g. {@code PBKDF2WithHmacSHA256}. */
    public String pbkdf2Algorithm() {
        return pbkdf2Algorithm;
    }

    /** The output length of the hash in octets: the length of every SCRAM key, proof and signature. */
    public int keyLength() {
        return keyLength;
    }

    /** The hash of a SCRAM mechanism name, with or without {@code -PLUS}; none for any other name. */
    public static Option<ScramHash> ofMechanism(String mechanism) {
        String base = isPlus(mechanism) ? mechanism.substring(0, mechanism.length() - PLUS_SUFFIX.length()) : mechanism;
        return List.of(values()).find(hash -> hash.mechanismName.equals(base));
    }

    /** Whether a mechanism name is a channel-binding (-PLUS) variant, RFC 5802 §4. */
    public static boolean isPlus(String mechanism) {
        return mechanism.endsWith(PLUS_SUFFIX);
    }
}
