package dev.starling.model.stanza;

import io.vavr.control.Option;

import java.util.Locale;

/** The {@code type} of a stanza {@code <error/>}, RFC 6120 §8.3.2. */
public enum StanzaErrorType {
    /** Retry after providing credentials. */
    AUTH,
    /** Do not retry (the error cannot be remedied). */
    CANCEL,
    /** Proceed (the condition was only a warning). */
    CONTINUE,
    /** Retry after changing the data sent. */
    MODIFY,
    /** Retry after waiting (the error is temporary). */
    WAIT;

    /** The attribute value. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type with this attribute value, if it is one of RFC 6120 §8.3.2. */
    public static Option<StanzaErrorType> fromWire(String value) {
        for (StanzaErrorType t : values()) {
            if (t.wireName().equals(value)) {
                return Option.some(t);
            }
        }
        return Option.none();
    }
}
