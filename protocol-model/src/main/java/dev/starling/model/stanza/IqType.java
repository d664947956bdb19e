package dev.starling.model.stanza;

import io.vavr.control.Option;

import java.util.Locale;

/** The required {@code type} of an IQ stanza, RFC 6120 §8.2.3. */
public enum IqType {
    GET, SET, RESULT, ERROR;

    /** The attribute value. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this type is a request that must be answered ({@code get} or {@code set}). */
    public boolean isRequest() {
        return this == GET || this == SET;
    }

    /** The type with this attribute value, if it is one of RFC 6120 §8.2.3. */
    public static Option<IqType> fromWire(String value) {
        for (IqType t : values()) {
            if (t.wireName().equals(value)) {
                return Option.some(t);
            }
        }
        return Option.none();
    }
}
