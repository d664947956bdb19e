package dev.starling.machine.core;

import io.vavr.Lazy;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The time and the randomness that come in with every input, so that machines stay pure and
 * deterministic: replaying the same inputs with the same values gives the same outputs.
 *
 * <p>The random token is a value of the input like the time. A shell may hand it over as a
 * {@linkplain #drawnOnUse draw it performs only if the machine reads it} (most steps, such as
 * routing a message, read none): the token is drawn at most once and is fixed from then on, so
 * the machine sees one value either way.
 */
public final class Fresh {

    /** The minimum length of the random token. */
    public static final int MIN_RANDOM_LENGTH = 96;

    private final Instant now;
    private final Lazy<String> random;

    /**
     * @param now    the current time when the input was taken
     * @param random a fresh random token of at least {@value #MIN_RANDOM_LENGTH} URL-safe characters, for
     *               stream ids, nonces and generated resources; {@link #token(int, int)} cuts disjoint pieces from it
     */
    public Fresh(Instant now, String random) {
        this(now, Lazy.of(() -> random));
        random();
    }

    private Fresh(Instant now, Lazy<String> random) {
        this.now = Objects.requireNonNull(now, "now");
        this.random = random;
    }

    /** The time, with a random token the supplier draws the first time a machine reads it. */
    public static Fresh drawnOnUse(Instant now, Supplier<String> random) {
        Objects.requireNonNull(random, "random");
        return new Fresh(now, Lazy.of(random));
    }

    /** The current time when the input was taken. */
    public Instant now() {
        return now;
    }

    /** The whole random token (at least {@value #MIN_RANDOM_LENGTH} characters). */
    public String random() {
        String token = Objects.requireNonNull(random.get(), "random");
        if (token.length() < MIN_RANDOM_LENGTH) {
            throw new IllegalArgumentException("the random token needs at least " + MIN_RANDOM_LENGTH + " characters");
        }
        return token;
    }

    /** Piece {@code index} (0-based) of {@code length} characters: pieces never overlap. */
    public String token(int index, int length) {
        String token = random();
        int start = index * length;
        if (index < 0 || length < 1 || start + length > token.length()) {
            throw new IllegalArgumentException("piece " + index + " of " + length + " exceeds the random token");
        }
        return token.substring(start, start + length);
    }

    @Override
    public String toString() {
        return "Fresh[now=" + now + (random.isEvaluated() ? ", random=" + random.get() : ", random not drawn") + "]";
    }
}
