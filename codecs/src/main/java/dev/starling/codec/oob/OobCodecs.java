package dev.starling.codec.oob;

import dev.starling.codec.CodecContext;
import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.oob.OutOfBand;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * XEP-0066's {@code <query xmlns='jabber:iq:oob'/>} and {@code <x xmlns='jabber:x:oob'/>}. Both
 * carry exactly one non-empty {@code <url/>} (§2, §3; the schemas of §8 and §9 make it
 * required); without one the element is bad-request. {@code <desc/>} is optional, and so is the
 * query's 'sid' (§6).
 */
public final class OobCodecs {

    private static final QName QUERY = QName.of(OutOfBand.IQ_NAMESPACE, "query");
    private static final QName X = QName.of(OutOfBand.X_NAMESPACE, "x");

    private OobCodecs() {
    }

    /** The registry with both elements added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry.withPayload(new FunctionalCodec<>(List.of(QUERY, X), OutOfBand.class, OobCodecs::decode, OobCodecs::encode));
    }

    private static Either<CodecError, OutOfBand> decode(Element element, CodecContext context) {
        String ns = element.namespace();
        Option<String> url = element.element(ns, "url").map(e -> e.text().strip()).filter(u -> !u.isEmpty());
        if (url.isEmpty()) {
            return Either.left(CodecError.badRequest("out-of-band data needs a <url/> (XEP-0066 §2, §3)"));
        }
        Option<String> desc = element.element(ns, "desc").map(Element::text);
        return Either.right(element.name().equals(QUERY)
                ? new OutOfBand.Query(url.get(), desc, element.attribute("sid").filter(s -> !s.isEmpty()))
                : new OutOfBand.Attached(url.get(), desc));
    }

    private static Element encode(OutOfBand oob, CodecContext context) {
        String ns = oob instanceof OutOfBand.Query ? OutOfBand.IQ_NAMESPACE : OutOfBand.X_NAMESPACE;
        Element base = Element.of(oob instanceof OutOfBand.Query ? QUERY : X).withChild(Element.of(ns, "url").withText(oob.url()));
        Element described = oob.desc().map(d -> base.withChild(Element.of(ns, "desc").withText(d))).getOrElse(base);
        return oob instanceof OutOfBand.Query query ? described.withAttribute("sid", query.sid()) : described;
    }
}
