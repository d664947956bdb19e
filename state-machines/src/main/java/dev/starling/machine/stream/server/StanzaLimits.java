package dev.starling.machine.stream.server;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * How fast one client session may send stanzas (XEP-0205 §3: "limit the number of XML stanzas
 * that a connected client may send ... in a given time period"; presence changes apart, since the
 * server amplifies each to every subscriber). A stanza beyond a limit is not processed: the
 * session answers it with {@code unexpected-request} of type {@code wait} and the
 * {@code <too-many-stanzas xmlns='urn:xmpp:errors'/>} condition, and errors beyond it are dropped
 * (RFC 6120 §8.3.1: an error is never answered). IQ responses are not counted: each answers a
 * request someone else sent.
 *
 * @param stanzas  all stanzas but IQ responses; none for no limit
 * @param presence presence stanzas, on top; none for no limit
 */
public record StanzaLimits(Option<RateLimit> stanzas, Option<RateLimit> presence) {

    public StanzaLimits {
        Objects.requireNonNull(stanzas, "stanzas");
        Objects.requireNonNull(presence, "presence");
    }

    /**
     * 5,000 stanzas at once and 5,000 a second (an in-band bytestream at 16 KiB blocks moves
     * 80 MB/s within it), and 100 presence stanzas at once and 10 a second (joining a hundred
     * rooms at login fits).
     */
    public static StanzaLimits defaults() {
        return new StanzaLimits(Option.some(new RateLimit(5000, 5000)), Option.some(new RateLimit(100, 10)));
    }

    /** No limit (benchmarks that compare servers with their limits off). */
    public static StanzaLimits none() {
        return new StanzaLimits(Option.none(), Option.none());
    }
}
