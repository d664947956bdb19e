package dev.starling.model.disco;

import dev.starling.model.jid.Jid;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * An {@code <item/>} of a disco#items result, XEP-0030 §4.1.
 *
 * @param jid  the item's address
 * @param node the item's node
 * @param name a human-readable name
 */
public record DiscoItem(Jid jid, Option<String> node, Option<String> name) {

    public DiscoItem {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
    }
}
