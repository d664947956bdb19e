package dev.starling.codec.form;

import dev.starling.codec.CodecError;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.form.DataForm;
import dev.starling.model.form.FieldOption;
import dev.starling.model.form.FieldType;
import dev.starling.model.form.FormField;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.ArrayList;

/**
 * The {@code <field/>} element of XEP-0004 §3.2, written in schema order (XEP-0004 §10): desc,
 * required, values, options, then the child elements XEP-0004 does not define.
 */
final class FormFields {

    static final QName FIELD = QName.of(DataForm.NAMESPACE, "field");
    private static final QName DESC = QName.of(DataForm.NAMESPACE, "desc");
    private static final QName REQUIRED = QName.of(DataForm.NAMESPACE, "required");
    private static final QName VALUE = QName.of(DataForm.NAMESPACE, "value");
    private static final QName OPTION = QName.of(DataForm.NAMESPACE, "option");

    private FormFields() {
    }

    /** The fields among these elements; other elements are the caller's business. */
    static Either<CodecError, Seq<FormField>> decodeAll(Seq<Element> elements, boolean varRequired) {
        return Either.traverseRight(elements.filter(e -> e.name().equals(FIELD)), e -> decode(e, varRequired));
    }

    /**
     * A field; {@code varRequired} in forms of type form and submit, where every field but a
     * fixed one needs a {@code var} (§3.2).
     */
    static Either<CodecError, FormField> decode(Element field, boolean varRequired) {
        Option<String> typeName = field.attribute("type");
        Option<FieldType> type = typeName.flatMap(FieldType::fromWire);
        if (typeName.isDefined() && type.isEmpty()) {
            return Either.left(CodecError.badRequest("unknown field type '" + typeName.get() + "' (XEP-0004 §3.3)"));
        }
        Option<String> var = field.attribute("var");
        if (varRequired && var.isEmpty() && !type.contains(FieldType.FIXED)) {
            return Either.left(CodecError.badRequest("a field that is not fixed needs a 'var' (XEP-0004 §3.2)"));
        }
        Option<String> desc = Option.none();
        boolean required = false;
        ArrayList<String> values = new ArrayList<>();
        ArrayList<FieldOption> options = new ArrayList<>();
        ArrayList<Element> extensions = new ArrayList<>();
        for (Element child : field.elements()) {
            if (child.name().equals(DESC) && desc.isEmpty()) {
                desc = Option.some(child.text());
            } else if (child.name().equals(REQUIRED) && !required) {
                required = true;
            } else if (child.name().equals(VALUE)) {
                values.add(child.text());
            } else if (child.name().equals(OPTION)) {
                Seq<Element> optionValues = child.elements(VALUE);
                if (optionValues.size() != 1) {
                    return Either.left(CodecError.badRequest("an option needs exactly one <value/> (XEP-0004 §3.2)"));
                }
                options.add(new FieldOption(child.attribute("label"), optionValues.head().text()));
            } else {
                extensions.add(child);
            }
        }
        if (type.isDefined() && !type.get().isMultiValued() && values.size() > 1) {
            return Either.left(CodecError.badRequest("a " + type.get().wireName() + " field has at most one value, not "
                    + values.size() + " (XEP-0004 §3.2)"));
        }
        return Either.right(new FormField(var, type, field.attribute("label"), desc, required, Array.ofAll(values),
                Array.ofAll(options), Array.ofAll(extensions)));
    }

    /** The {@code <field/>} element of a field. */
    static Element encode(FormField field) {
        Element.Builder builder = Element.builder(FIELD).attribute("var", field.var())
                .attribute("type", field.type().map(FieldType::wireName)).attribute("label", field.label());
        field.desc().forEach(desc -> builder.child(text(DESC, desc)));
        if (field.required()) {
            builder.child(Element.of(REQUIRED));
        }
        field.values().forEach(value -> builder.child(text(VALUE, value)));
        for (FieldOption option : field.options()) {
            builder.child(Element.builder(OPTION).attribute("label", option.label()).child(text(VALUE, option.value())).build());
        }
        field.extensions().forEach(builder::child);
        return builder.build();
    }

    /** An element with this character data ({@code <name/>} for the empty string). */
    static Element text(QName name, String text) {
        return Element.builder(name).text(text).build();
    }
}
