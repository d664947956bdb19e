package dev.starling.codec.im;

import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.im.Caps;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** Entity capabilities, XEP-0115 §4: {@code <c/>} with 'node' and 'ver' required, 'hash' and legacy 'ext' optional. */
public final class CapsCodecs {

    private static final QName CAPS = QName.of(Caps.NAMESPACE, "c");

    private CapsCodecs() {
    }

    /** The registry with {@code <c/>} added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry.withPayload(new FunctionalCodec<>(List.of(CAPS), Caps.class,
                (element, context) -> element.attribute("node").isEmpty() || element.attribute("ver").isEmpty()
                        ? Either.left(CodecError.badRequest("entity capabilities need 'node' and 'ver' (XEP-0115 §4)"))
                        : Either.right(new Caps(element.attribute("hash"), element.attribute("node").get(), element.attribute("ver").get(),
                                element.attribute("ext"))),
                (caps, context) -> Element.builder(CAPS).attribute("hash", caps.hash()).attribute("node", caps.node())
                        .attribute("ver", caps.ver()).attribute("ext", caps.ext()).build()));
    }
}
