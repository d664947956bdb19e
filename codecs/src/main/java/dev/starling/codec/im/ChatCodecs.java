package dev.starling.codec.im;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.im.Attention;
import dev.starling.model.im.ChatState;
import dev.starling.model.im.Receipt;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** Chat states (XEP-0085), delivery receipts (XEP-0184) and attention (XEP-0224): message children. */
public final class ChatCodecs {

    private static final QName REQUEST = QName.of(Receipt.NAMESPACE, "request");
    private static final QName RECEIVED = QName.of(Receipt.NAMESPACE, "received");
    private static final QName ATTENTION = QName.of(Attention.NAMESPACE, "attention");

    private ChatCodecs() {
    }

    /** The registry with the three extensions added. */
    public static CodecRegistry register(CodecRegistry registry) {
        List<QName> states = Array.of(ChatState.values()).map(s -> QName.of(ChatState.NAMESPACE, s.wireName())).toList();
        return registry
                .withPayload(new FunctionalCodec<>(states, ChatState.class,
                        (element, context) -> Either.right(ChatState.ofWireName(element.localName()).get()),
                        (state, context) -> Element.of(ChatState.NAMESPACE, state.wireName())))
                .withPayload(FunctionalCodec.empty(REQUEST, Receipt.Request.class, new Receipt.Request()))
                .withPayload(new FunctionalCodec<>(List.of(RECEIVED), Receipt.Received.class,
                        (element, context) -> Either.right(new Receipt.Received(element.attribute("id"))),
                        (received, context) -> Element.builder(RECEIVED).attribute("id", received.id()).build()))
                .withPayload(FunctionalCodec.empty(ATTENTION, Attention.class, new Attention()));
    }
}
