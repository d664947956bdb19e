package dev.starling.model.stanza;

import io.vavr.control.Option;

import java.util.Locale;

/** The {@code type} of a message stanza, RFC 6121 §5.2.2. An absent type means {@link #NORMAL}. */
public enum MessageType {
    CHAT, ERROR, GROUPCHAT, HEADLINE, NORMAL;

    /** The attribute value. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type with this attribute value, if it is one of RFC 6121 §5.2.2. */
    public static Option<MessageType> fromWire(String value) {
        for (MessageType t : values()) {
            if (t.wireName().equals(value)) {
                return Option.some(t);
            }
        }
        return Option.none();
    }
}
