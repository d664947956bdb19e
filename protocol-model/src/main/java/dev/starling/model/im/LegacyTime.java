package dev.starling.model.im;

import dev.starling.model.Extension;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * {@code <query xmlns='jabber:iq:time'/>}, the deprecated XEP-0090: the UTC time as
 * {@code CCYYMMDDThh:mm:ss}, a time zone name and a display string, each as written.
 *
 * @param utc     the UTC time
 * @param tz      the time zone
 * @param display the time for humans
 */
public record LegacyTime(Option<String> utc, Option<String> tz, Option<String> display) implements Extension {

    /** The namespace. */
    public static final String NAMESPACE = "jabber:iq:time";

    public LegacyTime {
        Objects.requireNonNull(utc, "utc");
        Objects.requireNonNull(tz, "tz");
        Objects.requireNonNull(display, "display");
    }

    /** The empty query of a get. */
    public static LegacyTime query() {
        return new LegacyTime(Option.none(), Option.none(), Option.none());
    }
}
