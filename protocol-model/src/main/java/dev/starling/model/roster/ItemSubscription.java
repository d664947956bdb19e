package dev.starling.model.roster;

import io.vavr.collection.Array;
import io.vavr.control.Option;

import java.util.Locale;

/** The 'subscription' attribute of a roster item (RFC 6121 §2.1.2.5), with "remove" for deletions (§2.5). */
public enum ItemSubscription {
    NONE, TO, FROM, BOTH, REMOVE;

    /** The attribute value. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value of an attribute, if it is one of the defined values. */
    public static Option<ItemSubscription> ofWireName(String value) {
        return Array.of(values()).find(s -> s.wireName().equals(value));
    }
}
