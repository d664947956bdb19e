package dev.starling.model.bind;

import dev.starling.model.Extension;
import dev.starling.model.jid.Jid;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The {@code <bind/>} IQ payload, RFC 6120 §7.6 and §7.7: in a {@code set} it may carry the
 * client-submitted {@code <resource/>}; in the {@code result} it carries the bound full
 * {@code <jid/>}.
 *
 * @param resource the requested resourcepart (unenforced, as the client sent it)
 * @param jid      the bound full JID
 */
public record Bind(Option<String> resource, Option<Jid> jid) implements Extension {

    public Bind {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(jid, "jid");
    }

    /** A request asking the server to generate the resource (§7.6). */
    public static Bind request() {
        return new Bind(Option.none(), Option.none());
    }

    /** A request for a specific resource (§7.7). */
    public static Bind request(String resource) {
        return new Bind(Option.some(resource), Option.none());
    }

    /** The result naming the bound full JID. */
    public static Bind result(Jid jid) {
        return new Bind(Option.none(), Option.some(jid));
    }
}
