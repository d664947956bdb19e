package dev.starling.machine.stream.server;

/**
 * A token-bucket rate for XEP-0205 §3 traffic limits: at most {@code burst} stanzas at once,
 * refilled at {@code perSecond}.
 *
 * @param burst     how many stanzas may come at once after a quiet period
 * @param perSecond how many per second may come on average
 */
public record RateLimit(int burst, double perSecond) {

    public RateLimit {
        if (burst < 1 || !(perSecond > 0)) {
            throw new IllegalArgumentException("a rate limit needs a burst of at least 1 and a positive rate: " + burst + ", " + perSecond);
        }
    }
}
