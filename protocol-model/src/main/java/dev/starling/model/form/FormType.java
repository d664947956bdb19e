package dev.starling.model.form;

import io.vavr.collection.Array;
import io.vavr.control.Option;

/** The {@code type} of a data form, XEP-0004 §3.1 (table "Form Types"). */
public enum FormType {

    /** The form-processing entity asks the form-submitting entity to complete a form. */
    FORM("form"),
    /** The form-submitting entity submits data to the form-processing entity. */
    SUBMIT("submit"),
    /** The form-submitting entity cancelled the submission. */
    CANCEL("cancel"),
    /** The form-processing entity returns data (e.g. search results), or a generic data set. */
    RESULT("result");

    private final String wireName;

    FormType(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the {@code type} attribute, e.g. {@code "submit"}. */
    public String wireName() {
        return wireName;
    }

    /** The form type with this {@code type} attribute value, or none for an unknown one. */
    public static Option<FormType> fromWire(String value) {
        return Array.of(values()).find(type -> type.wireName.equals(value));
    }
}
