package dev.starling.codec.register;

import dev.starling.codec.CodecContext;
import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.form.DataForm;
import dev.starling.model.register.Register;
import dev.starling.model.register.RegisterFeature;
import dev.starling.model.register.RegisterField;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.ArrayList;

/**
 * XEP-0077 in-band registration: the {@code jabber:iq:register} query (§12.1) and the
 * {@code iq-register} stream feature (§6). A field the schema does not define, a field with child
 * elements, or a second data form is {@code bad-request}; a {@code jabber:x:data} form is decoded
 * (§4), anything in another namespace (a {@code jabber:x:oob} URL) is kept as an element.
 */
public final class RegisterCodecs {

    private static final QName QUERY = QName.of(Register.NAMESPACE, "query");
    private static final QName FEATURE = QName.of(RegisterFeature.NAMESPACE, "register");
    private static final QName FORM = QName.of(DataForm.NAMESPACE, "x");
    private static final String INSTRUCTIONS = "instructions";
    private static final String REGISTERED = "registered";
    private static final String REMOVE = "remove";

    private RegisterCodecs() {
    }

    /** The registry with the query and the stream feature added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry
                .withFeature(FunctionalCodec.empty(FEATURE, RegisterFeature.class, new RegisterFeature()))
                .withPayload(new FunctionalCodec<>(List.of(QUERY), Register.class, RegisterCodecs::decode, RegisterCodecs::encode));
    }

    private static Either<CodecError, Register> decode(Element query, CodecContext context) {
        Option<String> instructions = Option.none();
        boolean registered = false;
        boolean remove = false;
        ArrayList<RegisterField> fields = new ArrayList<>();
        Option<DataForm> form = Option.none();
        ArrayList<Element> extensions = new ArrayList<>();
        for (Element child : query.elements()) {
            if (child.name().equals(FORM)) {
                if (form.isDefined()) {
                    return Either.left(CodecError.badRequest("at most one data form (XEP-0077 §4)"));
                }
                Either<CodecError, ?> decoded = context.registry().decodePayload(child, context.contentNamespace());
                if (decoded.isLeft()) {
                    return Either.left(decoded.getLeft());
                }
                form = Option.some((DataForm) decoded.get());
            } else if (!child.namespace().equals(Register.NAMESPACE)) {
                extensions.add(child);
            } else if (child.localName().equals(INSTRUCTIONS)) {
                instructions = Option.some(child.text());
            } else if (child.localName().equals(REGISTERED)) {
                registered = true;
            } else if (child.localName().equals(REMOVE)) {
                remove = true;
            } else if (!RegisterField.NAMES.contains(child.localName())) {
                return Either.left(CodecError.badRequest("XEP-0077 §4 allows no field <" + child.localName() + "/>"));
            } else if (!child.elements().isEmpty()) {
                return Either.left(CodecError.badRequest("the field <" + child.localName() + "/> holds text only (XEP-0077 §12.1)"));
            } else {
                fields.add(new RegisterField(child.localName(), child.text()));
            }
        }
        return Either.right(new Register(instructions, registered, remove, Array.ofAll(fields), form, Array.ofAll(extensions)));
    }

    private static Element encode(Register register, CodecContext context) {
        Element.Builder builder = Element.builder(QUERY);
        register.instructions().forEach(text -> builder.child(Element.builder(QName.of(Register.NAMESPACE, INSTRUCTIONS)).text(text).build()));
        if (register.registered()) {
            builder.child(Element.of(QName.of(Register.NAMESPACE, REGISTERED)));
        }
        for (RegisterField field : register.fields()) {
            Element.Builder element = Element.builder(QName.of(Register.NAMESPACE, field.name()));
            if (!field.value().isEmpty()) {
                element.text(field.value());
            }
            builder.child(element.build());
        }
        if (register.remove()) {
            builder.child(Element.of(QName.of(Register.NAMESPACE, REMOVE)));
        }
        register.form().forEach(form -> builder.child(context.registry().encode(form, context.contentNamespace())));
        register.extensions().forEach(builder::child);
        return builder.build();
    }
}
