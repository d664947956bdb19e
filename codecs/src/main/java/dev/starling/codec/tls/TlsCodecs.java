package dev.starling.codec.tls;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.tls.StartTls;
import dev.starling.model.tls.StartTlsFeature;
import dev.starling.model.tls.TlsFailure;
import dev.starling.model.tls.TlsProceed;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** STARTTLS, RFC 6120 §5.4: the feature (with {@code <required/>}) and the three commands. */
public final class TlsCodecs {

    /** {@code <starttls/>}, both the feature and the command. */
    public static final QName STARTTLS = QName.of(Namespaces.TLS, "starttls");
    private static final QName REQUIRED = QName.of(Namespaces.TLS, "required");

    private TlsCodecs() {
    }

    /** The registry with the STARTTLS feature and commands added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry
                .withFeature(new FunctionalCodec<>(List.of(STARTTLS), StartTlsFeature.class,
                        (element, context) -> Either.right(new StartTlsFeature(element.element(REQUIRED).isDefined())),
                        (feature, context) -> feature.required()
                                ? Element.of(STARTTLS).withChild(Element.of(REQUIRED))
                                : Element.of(STARTTLS)))
                .withTopLevel(FunctionalCodec.empty(STARTTLS, StartTls.class, new StartTls()))
                .withTopLevel(FunctionalCodec.empty(QName.of(Namespaces.TLS, "proceed"), TlsProceed.class, new TlsProceed()))
                .withTopLevel(FunctionalCodec.empty(QName.of(Namespaces.TLS, "failure"), TlsFailure.class, new TlsFailure()));
    }
}
