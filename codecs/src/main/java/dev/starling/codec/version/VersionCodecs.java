package dev.starling.codec.version;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.version.SoftwareVersion;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** XEP-0092 software version: {@code <query xmlns='jabber:iq:version'>} with name, version, os. */
public final class VersionCodecs {

    /** The namespace. */
    public static final String NAMESPACE = "jabber:iq:version";
    private static final QName QUERY = QName.of(NAMESPACE, "query");

    private VersionCodecs() {
    }

    /** The registry with the version payload added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry.withPayload(new FunctionalCodec<>(List.of(QUERY), SoftwareVersion.class,
                (element, context) -> Either.right(new SoftwareVersion(child(element, "name"), child(element, "version"),
                        child(element, "os"))),
                (version, context) -> {
                    Element.Builder builder = Element.builder(QUERY);
                    version.name().forEach(v -> builder.child(Element.builder(NAMESPACE, "name").text(v).build()));
                    version.version().forEach(v -> builder.child(Element.builder(NAMESPACE, "version").text(v).build()));
                    version.os().forEach(v -> builder.child(Element.builder(NAMESPACE, "os").text(v).build()));
                    return builder.build();
                }));
    }

    private static Option<String> child(Element query, String name) {
        return query.element(NAMESPACE, name).map(Element::text);
    }
}
