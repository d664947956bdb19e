package dev.starling.model.roster;

import dev.starling.model.Extension;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * {@code <query xmlns='jabber:iq:roster'/>}, RFC 6121 §2.1: empty in a roster get, one item in a
 * roster set or push, every item in a roster result.
 *
 * @param ver   the roster version (§2.1.1, §2.6), opaque to clients
 * @param items the items in document order
 */
public record RosterQuery(Option<String> ver, Seq<RosterItem> items) implements Extension {

    /** The namespace. */
    public static final String NAMESPACE = "jabber:iq:roster";

    public RosterQuery {
        Objects.requireNonNull(ver, "ver");
        Objects.requireNonNull(items, "items");
    }

    /** The empty query of a roster get without versioning. */
    public static RosterQuery get() {
        return new RosterQuery(Option.none(), Array.empty());
    }

    /** A query with one item: a roster set or push. */
    public static RosterQuery of(RosterItem item) {
        return new RosterQuery(Option.none(), Array.of(item));
    }

    public RosterQuery withVer(Option<String> newVer) {
        return new RosterQuery(newVer, items);
    }
}
