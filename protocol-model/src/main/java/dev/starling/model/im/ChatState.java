package dev.starling.model.im;

import dev.starling.model.Extension;
import io.vavr.collection.Array;
import io.vavr.control.Option;

import java.util.Locale;

/** The chat state notifications of XEP-0085 §2: one child of a message in {@code http://jabber.org/protocol/chatstates}. */
public enum ChatState implements Extension {
    ACTIVE, COMPOSING, PAUSED, INACTIVE, GONE;

    /** The namespace. */
    public static final String NAMESPACE = "http://jabber.org/protocol/chatstates";

    /** The element's name. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state with this element name. */
    public static Option<ChatState> ofWireName(String name) {
        return Array.of(values()).find(state -> state.wireName().equals(name));
    }
}
