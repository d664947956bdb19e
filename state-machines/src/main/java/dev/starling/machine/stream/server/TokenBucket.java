package dev.starling.machine.stream.server;

import io.vavr.control.Option;

import java.time.Instant;

/**
 * The tokens one session has left under a {@link RateLimit} (XEP-0205 §3), as of an instant. Pure: the time of
 * each stanza comes in as an input. A bucket never used is full.
 *
 * @param tokens   tokens left at {@code atMillis}
 * @param atMillis when they were counted (epoch milliseconds)
 */
record TokenBucket(double tokens, long atMillis) {

    /** The bucket of a session that has not sent anything yet: full whatever the limit. */
    static final TokenBucket UNUSED = new TokenBucket(Double.POSITIVE_INFINITY, Long.MIN_VALUE);

    /** The bucket after one stanza at {@code now}, or none when the stanza is over the limit. */
    Option<TokenBucket> take(RateLimit limit, Instant now) {
        long nowMillis = now.toEpochMilli();
        double refilled = atMillis == Long.MIN_VALUE ? limit.burst()
                : Math.min(limit.burst(), tokens + Math.max(0, nowMillis - atMillis) * limit.perSecond() / 1000.0);
        return refilled < 1 ? Option.none() : Option.some(new TokenBucket(refilled - 1, nowMillis));
    }
}
