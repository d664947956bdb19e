package dev.starling.model.disco;

import dev.starling.model.Extension;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The {@code http://jabber.org/protocol/disco#items} query, XEP-0030 §4: empty in a
 * {@code get}, the entity's items in the result (e.g. a server's components such as
 * {@code proxy.example.com}).
 *
 * @param node  the node queried
 * @param items the items
 */
public record DiscoItems(Option<String> node, Seq<DiscoItem> items) implements Extension {

    /** The namespace. */
    public static final String NAMESPACE = "http://jabber.org/protocol/disco#items";

    public DiscoItems {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(items, "items");
    }

    /** The empty query of a {@code get} for the entity itself. */
    public static DiscoItems query() {
        return new DiscoItems(Option.none(), Array.empty());
    }
}
