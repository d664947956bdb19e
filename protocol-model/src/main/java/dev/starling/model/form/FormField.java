package dev.starling.model.form;

import dev.starling.model.element.Element;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * A {@code <field/>} of a data form, XEP-0004 §3.2. Its values are the character data of its
 * {@code <value/>} children in order (an empty {@code <value/>} is the empty string, §3.6); child
 * elements XEP-0004 does not define, such as XEP-0122 {@code <validate/>} or XEP-0221
 * {@code <media/>}, are kept as elements so that they are re-sent unchanged.
 *
 * @param var        the {@code var} attribute, required unless the type is fixed
 * @param type       the {@code type} attribute (absent: text-single in a form, inferred from the
 *                   form in a submission or result)
 * @param label      the {@code label} attribute, a human-readable name
 * @param desc       the {@code <desc/>}, a natural-language description
 * @param required   whether the field has a {@code <required/>} child
 * @param values     the {@code <value/>}s, in order
 * @param options    the {@code <option/>}s of a list field, in order
 * @param extensions other child elements, in order
 */
public record FormField(Option<String> var, Option<FieldType> type, Option<String> label, Option<String> desc,
                        boolean required, Seq<String> values, Seq<FieldOption> options, Seq<Element> extensions) {

    public FormField {
        Objects.requireNonNull(var, "var");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(desc, "desc");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(extensions, "extensions");
    }

    /** An optional field with this name and type, and nothing else. */
    public static FormField of(String var, FieldType type) {
        return new FormField(Option.some(var), Option.some(type), Option.none(), Option.none(), false,
                Array.empty(), Array.empty(), Array.empty());
    }

    /** A hidden field with one value, e.g. the XEP-0068 {@code FORM_TYPE}. */
    public static FormField hidden(String var, String value) {
        return of(var, FieldType.HIDDEN).withValue(value);
    }

    /** A copy with these values. */
    public FormField withValues(Seq<String> newValues) {
        return new FormField(var, type, label, desc, required, newValues, options, extensions);
    }

    /** A copy with this single value. */
    public FormField withValue(String value) {
        return withValues(Array.of(value));
    }

    /** A copy with this label. */
    public FormField withLabel(String newLabel) {
        return new FormField(var, type, Option.some(newLabel), desc, required, values, options, extensions);
    }

    /**
     * A copy flagged as required (XEP-0004 §3.2). Not named {@code required()}: that is the
     * accessor of the record component.
     */
    public FormField asRequired() {
        return new FormField(var, type, label, desc, true, values, options, extensions);
    }

    /** A copy with these options. */
    public FormField withOptions(Seq<FieldOption> newOptions) {
        return new FormField(var, type, label, desc, required, values, newOptions, extensions);
    }

    /** The first value, if any. */
    public Option<String> firstValue() {
        return values.headOption();
    }
}
