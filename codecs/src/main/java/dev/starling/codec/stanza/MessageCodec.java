package dev.starling.codec.stanza;

import dev.starling.codec.CodecContext;
import dev.starling.codec.CodecError;
import dev.starling.codec.ElementCodec;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.MessageType;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** {@code <message/>}, RFC 6120 §8.2.1 and RFC 6121 §5.2, in any content namespace. */
public final class MessageCodec implements ElementCodec<Message> {

    private static final Seq<QName> NAMES = List.of(Namespaces.CLIENT, Namespaces.SERVER, Namespaces.COMPONENT_ACCEPT)
            .map(ns -> QName.of(ns, "message"));

    @Override
    public Seq<QName> names() {
        return NAMES;
    }

    @Override
    public Class<Message> type() {
        return Message.class;
    }

    @Override
    public Either<CodecError, Message> decode(Element element, CodecContext context) {
        Option<String> typeText = element.attribute("type");
        Option<MessageType> type = typeText.flatMap(MessageType::fromWire);
        if (typeText.isDefined() && type.isEmpty()) {
            return Either.left(CodecError.badRequest("message type '" + typeText.get() + "' is not one of RFC 6121 §5.2.2"));
        }
        return StanzaAttributes.read(element).flatMap(attributes ->
                StanzaChildren.decode(element, StanzaChildren.Kind.MESSAGE).map(children ->
                        new Message(type, attributes.id(), attributes.from(), attributes.to(), attributes.lang(), children)));
    }

    @Override
    public Element encode(Message message, CodecContext context) {
        Element.Builder builder = Element.builder(QName.of(context.contentNamespace(), "message"));
        StanzaAttributes.write(builder, message.from(), message.id(), message.to(),
                message.type().map(MessageType::wireName), message.lang());
        StanzaChildren.encode(builder, message.children(), context.contentNamespace(), context.registry());
        return builder.build();
    }
}
