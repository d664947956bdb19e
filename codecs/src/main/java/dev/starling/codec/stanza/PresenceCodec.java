package dev.starling.codec.stanza;

import dev.starling.codec.CodecContext;
import dev.starling.codec.CodecError;
import dev.starling.codec.ElementCodec;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** {@code <presence/>}, RFC 6120 §8.2.2 and RFC 6121 §4.7, in any content namespace. */
public final class PresenceCodec implements ElementCodec<Presence> {

    private static final Seq<QName> NAMES = List.of(Namespaces.CLIENT, Namespaces.SERVER, Namespaces.COMPONENT_ACCEPT)
            .map(ns -> QName.of(ns, "presence"));

    @Override
    public Seq<QName> names() {
        return NAMES;
    }

    @Override
    public Class<Presence> type() {
        return Presence.class;
    }

    @Override
    public Either<CodecError, Presence> decode(Element element, CodecContext context) {
        Option<String> typeText = element.attribute("type");
        Option<PresenceType> type = typeText.flatMap(PresenceType::fromWire);
        if (typeText.isDefined() && type.isEmpty()) {
            return Either.left(CodecError.badRequest("presence type '" + typeText.get() + "' is not one of RFC 6121 §4.7.1"));
        }
        return StanzaAttributes.read(element).flatMap(attributes ->
                StanzaChildren.decode(element, StanzaChildren.Kind.PRESENCE).map(children ->
                        new Presence(type, attributes.id(), attributes.from(), attributes.to(), attributes.lang(), children)));
    }

    @Override
    public Element encode(Presence presence, CodecContext context) {
        Element.Builder builder = Element.builder(QName.of(context.contentNamespace(), "presence"));
        StanzaAttributes.write(builder, presence.from(), presence.id(), presence.to(),
                presence.type().map(PresenceType::wireName), presence.lang());
        StanzaChildren.encode(builder, presence.children(), context.contentNamespace(), context.registry());
        return builder.build();
    }
}
