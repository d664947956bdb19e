package dev.starling.model.version;

import dev.starling.model.Extension;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The {@code jabber:iq:version} query, XEP-0092 §2: empty in a {@code get}, with the software's
 * name, version and (optionally) operating system in the {@code result}.
 *
 * @param name    the software's name
 * @param version the software's version
 * @param os      the operating system, which an entity may keep private (XEP-0092 §5)
 */
public record SoftwareVersion(Option<String> name, Option<String> version, Option<String> os) implements Extension {

    public SoftwareVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(os, "os");
    }

    /** The empty query of a {@code get}. */
    public static SoftwareVersion query() {
        return new SoftwareVersion(Option.none(), Option.none(), Option.none());
    }

    /** An answer naming the software and its version, without the operating system. */
    public static SoftwareVersion of(String name, String version) {
        return new SoftwareVersion(Option.some(name), Option.some(version), Option.none());
    }
}
