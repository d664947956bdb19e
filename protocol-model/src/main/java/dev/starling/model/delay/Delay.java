package dev.starling.model.delay;

import dev.starling.model.Extension;
import dev.starling.model.jid.Jid;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * When a stanza was originally sent, added by whoever delayed it: XEP-0203
 * {@code <delay xmlns='urn:xmpp:delay'/>}, or the legacy XEP-0091 {@code <x xmlns='jabber:x:delay'/>}
 * that some peers still send.
 *
 * @param from   who sent or delayed the stanza (XEP-0203 §2: RECOMMENDED)
 * @param stamp  the time it was sent, in UTC (XEP-0082 dateTime)
 * @param reason a human-readable reason, e.g. "Offline Storage"
 * @param legacy whether the element is the XEP-0091 form
 */
public record Delay(Option<Jid> from, Instant stamp, Option<String> reason, boolean legacy) implements Extension {

    /** The XEP-0203 namespace. */
    public static final String NAMESPACE = "urn:xmpp:delay";
    /** The XEP-0091 namespace. */
    public static final String LEGACY_NAMESPACE = "jabber:x:delay";

    public Delay {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(reason, "reason");
    }

    /** A XEP-0203 delay. */
    public static Delay of(Jid from, Instant stamp, String reason) {
        return new Delay(Option.some(from), stamp, Option.some(reason), false);
    }
}
