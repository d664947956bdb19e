package dev.starling.model.im;

import dev.starling.model.Extension;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * {@code <query xmlns='jabber:iq:last'/>}, XEP-0012 §3: empty in a get; in the result, seconds
 * since the account's last logout, since the client's last activity, or (for a server) since it
 * started, with an optional status text.
 *
 * @param seconds the seconds
 * @param status  the status the account logged out with, if any
 */
public record LastActivity(Option<Long> seconds, Option<String> status) implements Extension {

    /** The namespace. */
    public static final String NAMESPACE = "jabber:iq:last";

    public LastActivity {
        Objects.requireNonNull(seconds, "seconds");
        Objects.requireNonNull(status, "status");
    }

    /** The empty query of a get. */
    public static LastActivity query() {
        return new LastActivity(Option.none(), Option.none());
    }
}
