package dev.starling.model.oob;

import dev.starling.model.Extension;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * A URL sent out of band (XEP-0066): as the payload of an IQ set the recipient answers once it
 * has fetched it or not (§2, {@code jabber:iq:oob}), or attached to a message (§3,
 * {@code jabber:x:oob}).
 */
public sealed interface OutOfBand extends Extension {

    /** The IQ namespace. */
    String IQ_NAMESPACE = "jabber:iq:oob";
    /** The message namespace. */
    String X_NAMESPACE = "jabber:x:oob";

    /** The URL. */
    String url();

    /** Its description, if any. */
    Option<String> desc();

    /**
     * {@code <query xmlns='jabber:iq:oob'/>}.
     *
     * @param url  the URL to fetch
     * @param desc a description
     * @param sid  the stream id when the URL is the stream method of a XEP-0095 offer (§6)
     */
    record Query(String url, Option<String> desc, Option<String> sid) implements OutOfBand {
        public Query {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(desc, "desc");
            Objects.requireNonNull(sid, "sid");
        }
    }

    /** {@code <x xmlns='jabber:x:oob'/>} in a message. */
    record Attached(String url, Option<String> desc) implements OutOfBand {
        public Attached {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(desc, "desc");
        }
    }
}
