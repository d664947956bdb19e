package dev.starling.codec.sasl;

import dev.starling.codec.CodecContext;
import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.codec.LocalizedTexts;
import dev.starling.model.Bytes;
import dev.starling.model.LocalizedText;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.sasl.SaslAbort;
import dev.starling.model.sasl.ChannelBindingTypes;
import dev.starling.model.sasl.SaslAuth;
import dev.starling.model.sasl.SaslChallenge;
import dev.starling.model.sasl.SaslFailure;
import dev.starling.model.sasl.SaslFailureCondition;
import dev.starling.model.sasl.SaslMechanisms;
import dev.starling.model.sasl.SaslResponse;
import dev.starling.model.sasl.SaslSuccess;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Base64;
import java.util.function.Function;

/**
 * SASL, RFC 6120 §6.4: the {@code <mechanisms/>} feature (with the XEP-0440 channel-binding types
 * feature beside it) and the {@code auth},
 * {@code challenge}, {@code response}, {@code success}, {@code failure} and {@code abort}
 * elements. Data is base64 (RFC 4648 §4); an empty element means no data and {@code =} means
 * zero-length data (§6.4.2). Whitespace inside received data is tolerated (peers and the RFC's own
 * examples wrap long values) but never sent. Invalid base64 is a {@link CodecError}, which the
 * SASL machine answers with {@code incorrect-encoding} (§6.5.5).
 */
public final class SaslCodecs {

    /** The SASL feature. */
    public static final QName MECHANISMS = QName.of(Namespaces.SASL, "mechanisms");
    private static final QName MECHANISM = QName.of(Namespaces.SASL, "mechanism");
    private static final QName TEXT = QName.of(Namespaces.SASL, "text");
    /** The XEP-0440 channel-binding types feature. */
    public static final QName CHANNEL_BINDING_TYPES = QName.of(ChannelBindingTypes.NAMESPACE, "sasl-channel-binding");
    private static final QName CHANNEL_BINDING = QName.of(ChannelBindingTypes.NAMESPACE, "channel-binding");

    private SaslCodecs() {
    }

    /** The registry with the SASL feature and elements added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry
                .withFeature(new FunctionalCodec<>(List.of(MECHANISMS), SaslMechanisms.class,
                        (element, context) -> Either.right(new SaslMechanisms(
                                Array.ofAll(element.elements(MECHANISM)).map(m -> m.text().trim()))),
                        (mechanisms, context) -> Element.of(MECHANISMS).withChildren(mechanisms.names()
                                .map(name -> Element.of(MECHANISM).withText(name)))))
                .withFeature(new FunctionalCodec<>(List.of(CHANNEL_BINDING_TYPES), ChannelBindingTypes.class,
                        (element, context) -> Either.right(new ChannelBindingTypes(Array.ofAll(element.elements(CHANNEL_BINDING))
                                .flatMap(binding -> binding.attribute("type")))),
                        (types, context) -> Element.of(CHANNEL_BINDING_TYPES).withChildren(types.types()
                                .map(type -> Element.of(CHANNEL_BINDING).withAttribute("type", type)))))
                .withTopLevel(new FunctionalCodec<>(List.of(QName.of(Namespaces.SASL, "auth")), SaslAuth.class,
                        SaslCodecs::decodeAuth,
                        (auth, context) -> withData(Element.of(QName.of(Namespaces.SASL, "auth"))
                                .withAttribute("mechanism", auth.mechanism()), auth.initialResponse())))
                .withTopLevel(data("challenge", SaslChallenge.class, SaslChallenge::new, SaslChallenge::data))
                .withTopLevel(data("response", SaslResponse.class, SaslResponse::new, SaslResponse::data))
                .withTopLevel(data("success", SaslSuccess.class, SaslSuccess::new, SaslSuccess::data))
                .withTopLevel(new FunctionalCodec<>(List.of(QName.of(Namespaces.SASL, "failure")), SaslFailure.class,
                        (element, context) -> Either.right(decodeFailure(element)),
                        (failure, context) -> encodeFailure(failure)))
                .withTopLevel(FunctionalCodec.empty(QName.of(Namespaces.SASL, "abort"), SaslAbort.class, new SaslAbort()));
    }

    private static Either<CodecError, SaslAuth> decodeAuth(Element element, CodecContext context) {
        Option<String> mechanism = element.attribute("mechanism");
        if (mechanism.isEmpty()) {
            return Either.left(CodecError.badRequest("<auth/> needs a 'mechanism' (RFC 6120 §6.4.2)"));
        }
        return decodeData(element).map(data -> new SaslAuth(mechanism.get(), data));
    }

    private static <T> FunctionalCodec<T> data(String localName, Class<T> type, Function<Option<Bytes>, T> constructor,
                                               Function<T, Option<Bytes>> accessor) {
        QName name = QName.of(Namespaces.SASL, localName);
        return new FunctionalCodec<>(List.of(name), type,
                (element, context) -> decodeData(element).map(constructor),
                (value, context) -> withData(Element.of(name), accessor.apply(value)));
    }

    /** The element's base64 data: none if empty, zero-length for "=". */
    public static Either<CodecError, Option<Bytes>> decodeData(Element element) {
        String text = element.text().replaceAll("[ \\t\\r\\n]", "");
        if (text.isEmpty()) {
            return Either.right(Option.none());
        }
        if (text.equals("=")) {
            return Either.right(Option.some(Bytes.empty()));
        }
        try {
            return Either.right(Option.some(Bytes.wrapOwned(Base64.getDecoder().decode(text))));
        } catch (IllegalArgumentException e) {
            return Either.left(CodecError.badRequest("SASL data is not base64 (RFC 6120 §6.4.2): " + e.getMessage()));
        }
    }

    private static Element withData(Element element, Option<Bytes> data) {
        if (data.isEmpty()) {
            return element;
        }
        return element.withText(data.get().isEmpty() ? "=" : Base64.getEncoder().encodeToString(data.get().toArray()));
    }

    private static SaslFailure decodeFailure(Element element) {
        SaslFailureCondition condition = null;
        Option<LocalizedText> text = Option.none();
        for (Element child : element.elements()) {
            if (child.name().equals(TEXT)) {
                text = Option.some(LocalizedTexts.read(child));
            } else if (condition == null && Namespaces.SASL.equals(child.namespace())) {
                condition = SaslFailureCondition.fromWire(child.localName()).getOrNull();
            }
        }
        // A missing or unknown condition still means authentication failed.
        return new SaslFailure(condition == null ? SaslFailureCondition.NOT_AUTHORIZED : condition, text);
    }

    private static Element encodeFailure(SaslFailure failure) {
        Element.Builder builder = Element.builder(QName.of(Namespaces.SASL, "failure"));
        builder.child(Element.of(QName.of(Namespaces.SASL, failure.condition().wireName())));
        failure.text().forEach(text -> builder.child(LocalizedTexts.write(TEXT, text)));
        return builder.build();
    }
}
