package dev.starling.machine.privacy;

import dev.starling.model.privacy.PrivacyList;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * An account's privacy lists (XEP-0016): the stored lists and default list, and the active list
 * each connected resource chose for its session. A resource's effective list is its active list,
 * else the default list (§2.2 rules 1 and 2: no layering).
 *
 * @param lists       the lists by name
 * @param defaultList the default list's name, if any
 * @param active      per connected resource, the name of its active list
 */
public record Privacy(Map<String, PrivacyList> lists, Option<String> defaultList, Map<String, String> active) {

    /** No lists. */
    public static final Privacy NONE = new Privacy(LinkedHashMap.empty(), Option.none(), LinkedHashMap.empty());

    public Privacy {
        Objects.requireNonNull(lists, "lists");
        Objects.requireNonNull(defaultList, "defaultList");
        Objects.requireNonNull(active, "active");
    }

    /** The stored part, as a new session finds it: no list active. */
    public static Privacy of(Map<String, PrivacyList> lists, Option<String> defaultList) {
        return new Privacy(lists, defaultList, LinkedHashMap.empty());
    }

    /** The list that applies to a resource's session: its active list, else the default. */
    public Option<PrivacyList> effective(String resource) {
        return active.get(resource).orElse(defaultList).flatMap(lists::get);
    }

    /** The list that applies to the account as a whole: the default (§2.2 rule 2). */
    public Option<PrivacyList> accountList() {
        return defaultList.flatMap(lists::get);
    }

    /** Whether the list applies to a connected resource other than {@code resource} (§2.2 rule 11). */
    boolean inUseByAnother(String name, String resource, io.vavr.collection.Set<String> connected) {
        return connected.exists(other -> !other.equals(resource)
                && (active.get(other).contains(name) || active.get(other).isEmpty() && defaultList.contains(name)));
    }

    /** Without the session state of a resource that left. */
    public Privacy gone(String resource) {
        return new Privacy(lists, defaultList, active.remove(resource));
    }

    Privacy withLists(Map<String, PrivacyList> newLists) {
        return new Privacy(newLists, defaultList, active);
    }

    Privacy withDefault(Option<String> newDefault) {
        return new Privacy(lists, newDefault, active);
    }

    Privacy withActive(Map<String, String> newActive) {
        return new Privacy(lists, defaultList, newActive);
    }
}
