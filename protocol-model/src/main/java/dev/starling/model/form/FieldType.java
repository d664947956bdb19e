package dev.starling.model.form;

import io.vavr.collection.Array;
import io.vavr.control.Option;

/**
 * The {@code type} of a data form field, XEP-0004 §3.3 (table "Field Types"). A field without a
 * type is {@link #TEXT_SINGLE} in a form (§3.2); in a submission or a result its type is inferred
 * from the form.
 */
public enum FieldType {

    /** An either-or choice; the default value is "false". */
    BOOLEAN("boolean"),
    /** Descriptive text (e.g. a section header) rather than data. */
    FIXED("fixed"),
    /** Not shown to the form-submitting entity, returned with the form. */
    HIDDEN("hidden"),
    /** Several JIDs. */
    JID_MULTI("jid-multi"),
    /** One JID. */
    JID_SINGLE("jid-single"),
    /** One or more options from among many. */
    LIST_MULTI("list-multi"),
    /** One option from among many. */
    LIST_SINGLE("list-single"),
    /** Several lines of text, one {@code <value/>} per line. */
    TEXT_MULTI("text-multi"),
    /** One line of text, obscured in an interface. */
    TEXT_PRIVATE("text-private"),
    /** One line of text; the default type. */
    TEXT_SINGLE("text-single");

    private final String wireName;

    FieldType(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the {@code type} attribute, e.g. {@code "text-single"}. */
    public String wireName() {
        return wireName;
    }

    /** The field type with this {@code type} attribute value, or none for an unknown one. */
    public static Option<FieldType> fromWire(String value) {
        return Array.of(values()).find(type -> type.wireName.equals(value));
    }

    /**
     * Whether a field of this type may carry more than one {@code <value/>}: list-multi,
     * jid-multi, text-multi and hidden; all other types carry at most one (XEP-0004 §3.2).
     */
    public boolean isMultiValued() {
        return this == LIST_MULTI || this == JID_MULTI || this == TEXT_MULTI || this == HIDDEN;
    }
}
