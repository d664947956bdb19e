package dev.starling.model.im;

import dev.starling.model.Extension;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code <time xmlns='urn:xmpp:time'/>}, XEP-0202 §3: empty in a get; the entity's offset from UTC
 * and the UTC time in the result.
 *
 * @param tzo the offset, e.g. {@code -06:00} or {@code Z}
 * @param utc the time, in UTC
 */
public record EntityTime(Option<String> tzo, Option<Instant> utc) implements Extension {

    /** The namespace. */
    public static final String NAMESPACE = "urn:xmpp:time";

    public EntityTime {
        Objects.requireNonNull(tzo, "tzo");
        Objects.requireNonNull(utc, "utc");
    }

    /** The empty query of a get. */
    public static EntityTime query() {
        return new EntityTime(Option.none(), Option.none());
    }
}
