package dev.starling.io.session;

import dev.starling.machine.core.Fresh;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The randomness machines receive with every input: {@link Fresh#MIN_RANDOM_LENGTH} URL-safe
 * characters from a {@link SecureRandom} (72 random bytes), enough for stream ids, SCRAM nonces and
 * generated resources.
 */
public final class RandomTokens {

    private final SecureRandom random;

    /** Tokens from a new {@link SecureRandom}. */
    public RandomTokens() {
        this(new SecureRandom());
    }

    /** Tokens from the given source (tests pass a seeded one). */
    public RandomTokens(SecureRandom random) {
        this.random = random;
    }

    /** A fresh token. */
    public String token() {
        byte[] bytes = new byte[72];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
