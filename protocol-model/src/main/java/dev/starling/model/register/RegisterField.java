package dev.starling.model.register;

import io.vavr.collection.HashSet;
import io.vavr.collection.Set;

import java.util.Objects;

/**
 * One of the fixed {@code jabber:iq:register} fields, XEP-0077 §12.1: empty in a result that asks
 * for it, filled in a request that provides it.
 *
 * @param name  the element name, one of {@link #NAMES}
 * @param value the character data, empty when the field is asked for
 */
public record RegisterField(String name, String value) {

    /** The account name. */
    public static final String USERNAME = "username";
    /** The password. */
    public static final String PASSWORD = "password";
    /** The email address. */
    public static final String EMAIL = "email";

    /** Every field name the schema of XEP-0077 §12.1 defines (no others may be added, §4). */
    public static final Set<String> NAMES = HashSet.of(USERNAME, "nick", PASSWORD, "name", "first", "last", EMAIL, "address",
            "city", "state", "zip", "phone", "url", "date", "misc", "text", "key");

    public RegisterField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("XEP-0077 defines no field '" + name + "'");
        }
    }

    /** A field the host asks for. */
    public static RegisterField asked(String name) {
        return new RegisterField(name, "");
    }
}
