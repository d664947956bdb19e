package dev.starling.codec.form;

import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.form.DataForm;
import dev.starling.model.form.FormField;
import dev.starling.model.form.FormType;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.ArrayList;

/**
 * XEP-0004 data forms: {@code <x xmlns='jabber:x:data'/>} and {@link DataForm}. A form without a
 * known {@code type} (§3.1), a field with an unknown type (§3.3), a field other than fixed without
 * {@code var} in a form or submission (§3.2), more than one value in a field whose given type is
 * single-valued (§3.2) and an option without exactly one value (§3.2) are {@code bad-request}.
 * Elements XEP-0004 does not define are kept, in the form and in its fields. Encoding follows the
 * order of the examples of XEP-0004 §5: title, instructions, fields, reported, items, then the
 * kept elements.
 */
public final class DataFormCodecs {

    private static final QName X = QName.of(DataForm.NAMESPACE, "x");
    private static final QName TITLE = QName.of(DataForm.NAMESPACE, "title");
    private static final QName INSTRUCTIONS = QName.of(DataForm.NAMESPACE, "instructions");
    private static final QName REPORTED = QName.of(DataForm.NAMESPACE, "reported");
    private static final QName ITEM = QName.of(DataForm.NAMESPACE, "item");

    private DataFormCodecs() {
    }

    /** The registry with the {@code jabber:x:data} payload added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry.withPayload(new FunctionalCodec<>(List.of(X), DataForm.class, (e, c) -> decode(e), (v, c) -> encode(v)));
    }

    private static Either<CodecError, DataForm> decode(Element x) {
        Option<String> typeName = x.attribute("type");
        if (typeName.isEmpty()) {
            return Either.left(CodecError.badRequest("a data form needs a 'type' (XEP-0004 §3.1)"));
        }
        Option<FormType> type = FormType.fromWire(typeName.get());
        if (type.isEmpty()) {
            return Either.left(CodecError.badRequest("unknown data form type '" + typeName.get() + "' (XEP-0004 §3.1)"));
        }
        boolean varRequired = type.get() == FormType.FORM || type.get() == FormType.SUBMIT;
        Either<CodecError, Seq<FormField>> fields = FormFields.decodeAll(x.elements(), varRequired);
        if (fields.isLeft()) {
            return Either.left(fields.getLeft());
        }
        Option<String> title = Option.none();
        ArrayList<String> instructions = new ArrayList<>();
        Option<Seq<FormField>> reported = Option.none();
        ArrayList<Seq<FormField>> items = new ArrayList<>();
        ArrayList<Element> extensions = new ArrayList<>();
        for (Element child : x.elements()) {
            if (child.name().equals(TITLE) && title.isEmpty()) {
                title = Option.some(child.text());
            } else if (child.name().equals(INSTRUCTIONS)) {
                instructions.add(child.text());
            } else if ((child.name().equals(REPORTED) && reported.isEmpty()) || child.name().equals(ITEM)) {
                Either<CodecError, Seq<FormField>> row = FormFields.decodeAll(child.elements(), false);
                if (row.isLeft()) {
                    return Either.left(row.getLeft());
                }
                if (child.name().equals(ITEM)) {
                    items.add(row.get());
                } else {
                    reported = Option.some(row.get());
                }
            } else if (!child.name().equals(FormFields.FIELD)) {
                extensions.add(child);
            }
        }
        return Either.right(new DataForm(type.get(), title, Array.ofAll(instructions), fields.get(), reported,
                Array.ofAll(items), Array.ofAll(extensions)));
    }

    private static Element encode(DataForm form) {
        Element.Builder builder = Element.builder(X).attribute("type", form.type().wireName());
        form.title().forEach(title -> builder.child(FormFields.text(TITLE, title)));
        form.instructions().forEach(line -> builder.child(FormFields.text(INSTRUCTIONS, line)));
        form.fields().forEach(field -> builder.child(FormFields.encode(field)));
        form.reported().forEach(fields -> builder.child(table(REPORTED, fields)));
        form.items().forEach(fields -> builder.child(table(ITEM, fields)));
        form.extensions().forEach(builder::child);
        return builder.build();
    }

    private static Element table(QName name, Seq<FormField> fields) {
        Element.Builder builder = Element.builder(name);
        fields.forEach(field -> builder.child(FormFields.encode(field)));
        return builder.build();
    }
}
