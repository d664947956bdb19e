package dev.starling.model.stanza;

import io.vavr.control.Option;

import java.util.Locale;

/**
 * The {@code type} of a presence stanza, RFC 6121 §4.7.1. There is no "available" value: an
 * absent type signals availability.
 */
public enum PresenceType {
    ERROR, PROBE, SUBSCRIBE, SUBSCRIBED, UNAVAILABLE, UNSUBSCRIBE, UNSUBSCRIBED;

    /** The attribute value. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type with this attribute value, if it is one of RFC 6121 §4.7.1. */
    public static Option<PresenceType> fromWire(String value) {
        for (PresenceType t : values()) {
            if (t.wireName().equals(value)) {
                return Option.some(t);
            }
        }
        return Option.none();
    }
}
