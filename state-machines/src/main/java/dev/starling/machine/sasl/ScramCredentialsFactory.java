package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.collection.Seq;

/**
 * Derives what a server stores for an account from its password (RFC 5802 §3): prepares the
 * password with OpaqueString (RFC 8265 §4.2), computes {@code SaltedPassword = Hi(password,
 * salt, i)} and keeps only StoredKey and ServerKey. Used when an account is created or its
 * password changed; the salt comes from the caller's random source.
 */
public final class ScramCredentialsFactory {

    /** The least iteration count a client accepts and account creation uses (RFC 5802 §5.1, RFC 7677 §4). */
    public static final int MINIMUM_ITERATIONS = 4096;

    private ScramCredentialsFactory() {
    }

    /**
     * The stored credentials of one hash.
     *
     * @throws IllegalArgumentException if the OpaqueString profile refuses the password (for example
     *                                  an empty one), the salt is empty, or fewer than
     *                                  {@link #MINIMUM_ITERATIONS} iterations are asked for
     */
    public static ScramCredentials derive(ScramHash hash, String password, Bytes salt, int iterations) {
        if (salt.isEmpty()) {
            throw new IllegalArgumentException("salt must not be empty");
        }
        if (iterations < MINIMUM_ITERATIONS) {
            throw new IllegalArgumentException("at least " + MINIMUM_ITERATIONS + " iterations (RFC 7677 §4): " + iterations);
        }
        String prepared = OpaqueStrings.prepare(password)
                .getOrElseThrow(() -> new IllegalArgumentException("the password violates the OpaqueString profile (RFC 8265 §4.2)"));
        return ScramCrypto.credentials(hash, ScramCrypto.saltedPassword(hash, prepared, salt, iterations), salt, iterations);
    }

    /**
     * Stored credentials for every SCRAM hash, from one salt.
     *
     * @throws IllegalArgumentException as {@link #derive}
     */
    public static StoredCredentials deriveAll(String password, Bytes salt, int iterations) {
        Seq<ScramCredentials> all = ScramHash.strongestFirst().map(hash -> derive(hash, password, salt, iterations));
        return new StoredCredentials(all);
    }
}
