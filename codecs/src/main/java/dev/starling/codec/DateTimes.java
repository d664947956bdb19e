package dev.starling.codec;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * XEP-0082 DateTimes as Starling writes them: UTC ('Z'), with at most millisecond precision.
 * XEP-0082 allows any number of fraction digits, but peers do not all read them: slixmpp 1.8 reads
 * at most six, and failed on the nanoseconds Java clocks give (found by
 * {@code SlixmppImAgainstStarlingTest} on offline messages' delay stamps).
 */
public final class DateTimes {

    private DateTimes() {
    }

    /** The DateTime form of an instant, e.g. {@code 2002-09-10T23:08:25Z} or {@code 2026-11-22T03:09:06.730Z}. */
    public static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
