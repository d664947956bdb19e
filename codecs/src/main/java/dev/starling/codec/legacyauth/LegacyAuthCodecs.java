package dev.starling.codec.legacyauth;

import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.legacyauth.IqAuth;
import dev.starling.model.legacyauth.IqAuthFeature;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * XEP-0078 non-SASL authentication: the {@code jabber:iq:auth} query (§6.1 schema: username,
 * password or digest, resource) and the {@code iq-auth} stream feature (§3). Both a password and
 * a digest, or a field with child elements, is {@code bad-request}.
 */
public final class LegacyAuthCodecs {

    private static final QName QUERY = QName.of(IqAuth.NAMESPACE, "query");
    private static final QName FEATURE = QName.of(IqAuthFeature.NAMESPACE, "auth");
    private static final QName USERNAME = QName.of(IqAuth.NAMESPACE, "username");
    private static final QName PASSWORD = QName.of(IqAuth.NAMESPACE, "password");
    private static final QName DIGEST = QName.of(IqAuth.NAMESPACE, "digest");
    private static final QName RESOURCE = QName.of(IqAuth.NAMESPACE, "resource");

    private LegacyAuthCodecs() {
    }

    /** The registry with the query and the stream feature added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry
                .withFeature(FunctionalCodec.empty(FEATURE, IqAuthFeature.class, new IqAuthFeature()))
                .withPayload(new FunctionalCodec<>(List.of(QUERY), IqAuth.class, (e, c) -> decode(e), (v, c) -> encode(v)));
    }

    private static Either<CodecError, IqAuth> decode(Element query) {
        for (Element child : query.elements()) {
            if (!child.elements().isEmpty()) {
                return Either.left(CodecError.badRequest("<" + child.localName() + "/> holds text only (XEP-0078 §6.1)"));
            }
        }
        Option<String> password = query.element(PASSWORD).map(Element::text);
        Option<String> digest = query.element(DIGEST).map(Element::text);
        if (password.exists(p -> !p.isEmpty()) && digest.exists(d -> !d.isEmpty())) {
            return Either.left(CodecError.badRequest("a password or a digest, not both (XEP-0078 §6.1)"));
        }
        return Either.right(new IqAuth(query.element(USERNAME).map(Element::text), password, digest,
                query.element(RESOURCE).map(Element::text)));
    }

    private static Element encode(IqAuth auth) {
        Element.Builder builder = Element.builder(QUERY);
        field(builder, USERNAME, auth.username());
        field(builder, PASSWORD, auth.password());
        field(builder, DIGEST, auth.digest());
        field(builder, RESOURCE, auth.resource());
        return builder.build();
    }

    private static void field(Element.Builder builder, QName name, Option<String> value) {
        value.forEach(text -> builder.child(text.isEmpty() ? Element.of(name) : Element.builder(name).text(text).build()));
    }
}
