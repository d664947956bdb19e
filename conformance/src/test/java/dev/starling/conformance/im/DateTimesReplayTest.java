package dev.starling.conformance.im;

import dev.starling.codec.DateTimes;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0082's examples through {@link DateTimes}, the one reader of DateTimes that the delay, entity
 * time, roster notes and Jingle file codecs share: Examples 2 and 3 (§3.2) name the same instant in
 * UTC and in Houston time, and Starling writes it as Example 2; Example 1 is a Date (§3.1) and
 * Example 4 a Time (§3.3), neither a DateTime, so neither is read as one. A jqwik property checks
 * that any instant, written in any whole-minute offset with any fraction digits, reads back the same.
 */
class DateTimesReplayTest {

    @Test
    void theMoonLandingInUtcAndInHoustonTimeIsOneInstant() {
        Instant utc = DateTimes.parse(ExampleStanzas.text("xep-0082", 2)).get();
        assertThat(DateTimes.parse(ExampleStanzas.text("xep-0082", 3))).contains(utc);
        assertThat(DateTimes.format(utc)).isEqualTo(ExampleStanzas.text("xep-0082", 2).strip());
    }

    @Test
    void aDateOrATimeAloneIsNotADateTime() {
        assertThat(DateTimes.parse(ExampleStanzas.text("xep-0082", 1))).isEmpty();
        assertThat(DateTimes.parse(ExampleStanzas.text("xep-0082", 4))).isEmpty();
        assertThat(DateTimes.parse("1969-07-21T02:56:15")).as("§3.2: the time zone is required").isEmpty();
    }

    @Property
    void anyOffsetAndPrecisionReadsBackTheSameInstant(@ForAll @LongRange(min = -30_000_000_000L, max = 250_000_000_000L) long seconds,
                                                     @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                                     @ForAll @IntRange(min = -18 * 60, max = 18 * 60) int offsetMinutes) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);
        String written = instant.atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).toString();
        assertThat(DateTimes.parse(written)).contains(instant);
        assertThat(DateTimes.parse(DateTimes.format(instant))).contains(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
