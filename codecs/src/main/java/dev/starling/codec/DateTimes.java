package dev.starling.codec;

import io.vavr.control.Option;
import io.vavr.control.Try;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * XEP-0082 DateTimes (§3.2), read in every form the profile allows (any time zone, any number of
 * fraction digits) and written as Starling writes them: UTC ('Z'), with at most millisecond precision.
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

    /** The instant a XEP-0082 DateTime names ({@code CCYY-MM-DDThh:mm:ss[.sss]TZD}, surrounding space ignored), or none if it is not one. */
    public static Option<Instant> parse(String text) {
        return Try.of(() -> OffsetDateTime.parse(text.strip()).toInstant()).toOption();
    }
}
