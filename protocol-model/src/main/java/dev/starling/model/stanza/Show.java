package dev.starling.model.stanza;

import dev.starling.model.Extension;
import io.vavr.control.Option;

import java.util.Locale;

/** The {@code <show/>} child of presence, RFC 6121 §4.7.2.1. */
public enum Show implements Extension {
    AWAY, CHAT, DND, XA;

    /** The element's character data. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value with this character data, if it is one of RFC 6121 §4.7.2.1. */
    public static Option<Show> fromWire(String value) {
        for (Show s : values()) {
            if (s.wireName().equals(value)) {
                return Option.some(s);
            }
        }
        return Option.none();
    }
}
