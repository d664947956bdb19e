package dev.starling.codec.bind;

import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.Namespaces;
import dev.starling.model.bind.Bind;
import dev.starling.model.bind.BindFeature;
import dev.starling.model.bind.Session;
import dev.starling.model.bind.SessionFeature;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Resource binding, RFC 6120 §7 (the {@code <bind/>} feature and IQ payload with
 * {@code <resource/>} or {@code <jid/>}), and the legacy session of RFC 3921 §3 (the
 * {@code <session/>} feature, with {@code <optional/>}, and IQ payload).
 */
public final class BindCodecs {

    /** {@code <bind/>}. */
    public static final QName BIND = QName.of(Namespaces.BIND, "bind");
    /** {@code <session/>}. */
    public static final QName SESSION = QName.of(Namespaces.SESSION, "session");
    private static final QName RESOURCE = QName.of(Namespaces.BIND, "resource");
    private static final QName JID = QName.of(Namespaces.BIND, "jid");
    private static final QName OPTIONAL = QName.of(Namespaces.SESSION, "optional");

    private BindCodecs() {
    }

    /** The registry with the bind and session features and payloads added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry
                .withFeature(FunctionalCodec.empty(BIND, BindFeature.class, new BindFeature()))
                .withFeature(new FunctionalCodec<>(List.of(SESSION), SessionFeature.class,
                        (element, context) -> Either.right(new SessionFeature(element.element(OPTIONAL).isDefined())),
                        (feature, context) -> feature.optional() ? Element.of(SESSION).withChild(Element.of(OPTIONAL)) : Element.of(SESSION)))
                .withPayload(new FunctionalCodec<>(List.of(BIND), Bind.class,
                        (element, context) -> decodeBind(element), (bind, context) -> encodeBind(bind)))
                .withPayload(FunctionalCodec.empty(SESSION, Session.class, new Session()));
    }

    private static Either<CodecError, Bind> decodeBind(Element element) {
        Option<String> resource = element.element(RESOURCE).map(Element::text);
        Option<Element> jid = element.element(JID);
        if (jid.isEmpty()) {
            return Either.right(new Bind(resource, Option.none()));
        }
        return Jid.parse(jid.get().text().trim())
                .mapLeft(error -> CodecError.jidMalformed("bound <jid/>: " + error.message()))
                .map(parsed -> new Bind(resource, Option.some(parsed)));
    }

    private static Element encodeBind(Bind bind) {
        Element.Builder builder = Element.builder(BIND);
        bind.resource().forEach(resource -> builder.child(Element.builder(RESOURCE).text(resource).build()));
        bind.jid().forEach(jid -> builder.child(Element.builder(JID).text(jid.toString()).build()));
        return builder.build();
    }
}
