package dev.starling.codec.stanza;

import dev.starling.codec.CodecContext;
import dev.starling.codec.CodecError;
import dev.starling.codec.ElementCodec;
import dev.starling.model.Extension;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaError;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * {@code <iq/>}, RFC 6120 §8.2.3, in any content namespace, with its rules: an {@code id} and a
 * {@code type} are required; {@code get} and {@code set} carry exactly one payload;
 * {@code result} carries at most one; {@code error} carries an {@code <error/>}. Breaking one
 * yields {@code bad-request}.
 */
public final class IqCodec implements ElementCodec<Iq> {

    private static final Seq<QName> NAMES = List.of(Namespaces.CLIENT, Namespaces.SERVER, Namespaces.COMPONENT_ACCEPT)
            .map(ns -> QName.of(ns, "iq"));

    @Override
    public Seq<QName> names() {
        return NAMES;
    }

    @Override
    public Class<Iq> type() {
        return Iq.class;
    }

    @Override
    public Either<CodecError, Iq> decode(Element element, CodecContext context) {
        Option<String> id = element.attribute("id");
        if (id.isEmpty()) {
            return Either.left(CodecError.badRequest("an IQ must have an 'id' (RFC 6120 §8.2.3)"));
        }
        Option<String> typeText = element.attribute("type");
        Option<IqType> type = typeText.flatMap(IqType::fromWire);
        if (type.isEmpty()) {
            return Either.left(CodecError.badRequest("an IQ 'type' must be get, set, result or error (RFC 6120 §8.2.3)"));
        }
        return StanzaAttributes.read(element).flatMap(attributes ->
                StanzaChildren.decode(element, StanzaChildren.Kind.IQ).flatMap(children -> check(type.get(), children)
                        .map(ok -> new Iq(type.get(), id.get(), attributes.from(), attributes.to(), attributes.lang(), children))));
    }

    private static Either<CodecError, Boolean> check(IqType type, Seq<Extension> children) {
        int errors = children.count(StanzaError.class::isInstance);
        int payloads = children.size() - errors;
        switch (type) {
            case GET:
            case SET:
                return errors == 0 && payloads == 1
                        ? Either.right(true)
                        : Either.left(CodecError.badRequest("an IQ get or set must contain exactly one payload element (RFC 6120 §8.2.3)"));
            case RESULT:
                return errors == 0 && payloads <= 1
                        ? Either.right(true)
                        : Either.left(CodecError.badRequest("an IQ result contains at most one payload element (RFC 6120 §8.2.3)"));
            default:
                return errors == 1
                        ? Either.right(true)
                        : Either.left(CodecError.badRequest("an IQ error must contain one <error/> element (RFC 6120 §8.3.1)"));
        }
    }

    @Override
    public Element encode(Iq iq, CodecContext context) {
        Element.Builder builder = Element.builder(QName.of(context.contentNamespace(), "iq"));
        StanzaAttributes.write(builder, iq.from(), iq.id(), iq.to(), Option.some(iq.type().wireName()), iq.lang());
        StanzaChildren.encode(builder, iq.children(), context.contentNamespace(), context.registry());
        return builder.build();
    }
}
