package dev.starling.model.im;

import dev.starling.model.Extension;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * {@code <c xmlns='http://jabber.org/protocol/caps'/>} in presence, XEP-0115 §4.
 *
 * @param hash the hash function of the verification string, e.g. {@code sha-1}; absent in the legacy format
 * @param node the software's URI
 * @param ver  the verification string (§5)
 * @param ext  legacy extension names (§8.2), kept as received
 */
public record Caps(Option<String> hash, String node, String ver, Option<String> ext) implements Extension {

    /** The namespace. */
    public static final String NAMESPACE = "http://jabber.org/protocol/caps";

    public Caps {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(ver, "ver");
        Objects.requireNonNull(ext, "ext");
    }

    /** A SHA-1 verification string for the software at {@code node}. */
    public static Caps sha1(String node, String ver) {
        return new Caps(Option.some("sha-1"), node, ver, Option.none());
    }
}
