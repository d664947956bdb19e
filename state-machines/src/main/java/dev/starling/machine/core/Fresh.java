package dev.starling.machine.core;

import java.time.Instant;
import java.util.Objects;

/**
 * The time and the randomness that come in with every input, so that machines stay pure and
 * deterministic: replaying the same inputs with the same values gives the same outputs.
 *
 * @param now    the current time when the input was taken
 * @param random a fresh random token of at least 96 URL-safe characters, for stream ids, nonces
 *               and generated resources; {@link #token(int, int)} cuts disjoint pieces from it
 */
public record Fresh(Instant now, String random) {

    /** The minimum length of the random token. */
    public static final int MIN_RANDOM_LENGTH = 96;

    public Fresh {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(random, "random");
        if (random.length() < MIN_RANDOM_LENGTH) {
            throw new IllegalArgumentException("the random token needs at least " + MIN_RANDOM_LENGTH + " characters");
        }
    }

    /** Piece {@code index} (0-based) of {@code length} characters: pieces never overlap. */
    public String token(int index, int length) {
        int start = index * length;
        if (index < 0 || length < 1 || start + length > random.length()) {
            throw new IllegalArgumentException("piece " + index + " of " + length + " exceeds the random token");
        }
        return random.substring(start, start + length);
    }
}
