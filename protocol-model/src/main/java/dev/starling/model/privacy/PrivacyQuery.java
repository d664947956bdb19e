package dev.starling.model.privacy;

import dev.starling.model.Extension;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * {@code <query xmlns='jabber:iq:privacy'/>} (XEP-0016): in a get, empty (the names) or naming
 * lists; in a set, one {@code <active/>}, {@code <default/>} or {@code <list/>}; in a result, the
 * active and default selections with the list names, or the lists asked for; in a push, the name
 * of the list that changed.
 *
 * @param active      {@code <active/>}: some(name) selects a list, some(none) declines any
 * @param defaultList {@code <default/>}: some(name) selects a list, some(none) declines any
 * @param lists       the {@code <list/>} elements
 */
public record PrivacyQuery(Option<Option<String>> active, Option<Option<String>> defaultList, Seq<PrivacyList> lists) implements Extension {

    /** The namespace. */
    public static final String NAMESPACE = "jabber:iq:privacy";

    public PrivacyQuery {
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(defaultList, "defaultList");
        Objects.requireNonNull(lists, "lists");
    }

    /** How many children the query has: a set takes exactly one (XEP-0016 §2.1). */
    public int size() {
        return (active.isDefined() ? 1 : 0) + (defaultList.isDefined() ? 1 : 0) + lists.size();
    }
}
