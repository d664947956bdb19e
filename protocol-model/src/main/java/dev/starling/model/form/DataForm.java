package dev.starling.model.form;

import dev.starling.model.Extension;
import dev.starling.model.element.Element;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * A data form, the {@code <x xmlns='jabber:x:data'/>} of XEP-0004 §3: a form to complete, a
 * submission, a cancellation or a result. A result may carry a table instead of (or besides)
 * fields: a {@code <reported/>} header and one {@code <item/>} per row (§3.4). Child elements
 * XEP-0004 does not define (e.g. XEP-0141 layout pages) are kept as elements so that they are
 * re-sent unchanged.
 *
 * @param type         the {@code type} attribute (§3.1)
 * @param title        the {@code <title/>}
 * @param instructions the {@code <instructions/>}, in order
 * @param fields       the top-level {@code <field/>}s, in order
 * @param reported     the fields of the {@code <reported/>} header, if there is one (§3.4)
 * @param items        the fields of each {@code <item/>}, in order (§3.4)
 * @param extensions   other child elements, in order
 */
public record DataForm(FormType type, Option<String> title, Seq<String> instructions, Seq<FormField> fields,
                       Option<Seq<FormField>> reported, Seq<Seq<FormField>> items, Seq<Element> extensions)
        implements Extension {

    /** The namespace (XEP-0004 §9.1). */
    public static final String NAMESPACE = "jabber:x:data";

    /** The {@code var} of the hidden field that names the form's purpose (XEP-0068 §3). */
    public static final String FORM_TYPE = "FORM_TYPE";

    public DataForm {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(reported, "reported");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(extensions, "extensions");
    }

    /** A form without foreign child elements. */
    public DataForm(FormType type, Option<String> title, Seq<String> instructions, Seq<FormField> fields,
                    Option<Seq<FormField>> reported, Seq<Seq<FormField>> items) {
        this(type, title, instructions, fields, reported, items, Array.empty());
    }

    /** A form of type {@code form} with these fields and nothing else. */
    public static DataForm form(Seq<FormField> fields) {
        return of(FormType.FORM, fields);
    }

    /** A form of type {@code submit} with these fields and nothing else. */
    public static DataForm submit(Seq<FormField> fields) {
        return of(FormType.SUBMIT, fields);
    }

    private static DataForm of(FormType type, Seq<FormField> fields) {
        return new DataForm(type, Option.none(), Array.empty(), fields, Option.none(), Array.empty());
    }

    /**
     * The value of the {@code FORM_TYPE} field (XEP-0068): a hidden field of that name, or in a
     * submission also one without a type, which is inferred to be hidden (XEP-0068 §5).
     */
    public Option<String> formType() {
        return field(FORM_TYPE)
                .filter(f -> f.type().contains(FieldType.HIDDEN) || (type == FormType.SUBMIT && f.type().isEmpty()))
                .flatMap(FormField::firstValue);
    }

    /** The first top-level field with this {@code var}. */
    public Option<FormField> field(String var) {
        return fields.find(f -> f.var().contains(var));
    }

    /** The values of the top-level field with this {@code var} (empty if there is none). */
    public Seq<String> values(String var) {
        return field(var).map(FormField::values).getOrElse(Array.empty());
    }

    /** The first value of the top-level field with this {@code var}. */
    public Option<String> value(String var) {
        return field(var).flatMap(FormField::firstValue);
    }

    /** A copy with this title. */
    public DataForm withTitle(String newTitle) {
        return new DataForm(type, Option.some(newTitle), instructions, fields, reported, items, extensions);
    }

    /** A copy with these instructions, in order. */
    public DataForm withInstructions(Seq<String> newInstructions) {
        return new DataForm(type, title, newInstructions, fields, reported, items, extensions);
    }
}
