package dev.starling.model.jingle;

import io.vavr.collection.Array;
import io.vavr.control.Option;

import java.util.Locale;

/** The values of the 'action' attribute (XEP-0166 §7.2). */
public enum JingleAction {
    CONTENT_ACCEPT, CONTENT_ADD, CONTENT_MODIFY, CONTENT_REJECT, CONTENT_REMOVE, DESCRIPTION_INFO, SECURITY_INFO,
    SESSION_ACCEPT, SESSION_INFO, SESSION_INITIATE, SESSION_TERMINATE, TRANSPORT_ACCEPT, TRANSPORT_INFO, TRANSPORT_REJECT,
    TRANSPORT_REPLACE;

    /** The attribute value, such as {@code session-initiate}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The action for an attribute value. */
    public static Option<JingleAction> of(String wireName) {
        return Array.of(values()).find(action -> action.wireName().equals(wireName));
    }
}
