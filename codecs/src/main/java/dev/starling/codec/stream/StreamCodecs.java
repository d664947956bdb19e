package dev.starling.codec.stream;

import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.codec.LocalizedTexts;
import dev.starling.model.Extension;
import dev.starling.model.LocalizedText;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import dev.starling.model.stream.StreamFeatures;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.ArrayList;

/**
 * Codecs for {@code <stream:features/>} (RFC 6120 §4.3.2; each child decoded in the feature
 * scope of the registry) and {@code <stream:error/>} (§4.9.2; an unknown condition reads as
 * {@code undefined-condition}).
 */
public final class StreamCodecs {

    /** {@code <stream:features/>}. */
    public static final QName FEATURES = QName.of(Namespaces.STREAMS, "features");
    /** {@code <stream:error/>}. */
    public static final QName ERROR = QName.of(Namespaces.STREAMS, "error");
    private static final QName TEXT = QName.of(Namespaces.STREAM_ERRORS, "text");

    private StreamCodecs() {
    }

    /** The registry with the features and error codecs added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry
                .withTopLevel(new FunctionalCodec<>(List.of(FEATURES), StreamFeatures.class,
                        (element, context) -> decodeFeatures(element, context.registry(), context.contentNamespace()),
                        (features, context) -> Element.builder(FEATURES)
                                .build()
                                .withChildren(features.features().map(f -> context.registry().encode(f, context.contentNamespace())))))
                .withTopLevel(new FunctionalCodec<>(List.of(ERROR), StreamError.class,
                        (element, context) -> Either.right(decodeError(element)),
                        (error, context) -> encodeError(error)));
    }

    private static Either<CodecError, StreamFeatures> decodeFeatures(Element element, CodecRegistry registry,
                                                                     String contentNamespace) {
        ArrayList<Extension> features = new ArrayList<>();
        for (Element child : element.elements()) {
            Either<CodecError, Extension> feature = registry.decodeFeature(child, contentNamespace);
            if (feature.isLeft()) {
                return Either.left(feature.getLeft());
            }
            features.add(feature.get());
        }
        return Either.right(new StreamFeatures(Array.ofAll(features)));
    }

    static StreamError decodeError(Element element) {
        StreamErrorCondition condition = null;
        Option<String> conditionText = Option.none();
        Option<LocalizedText> text = Option.none();
        Option<Element> application = Option.none();
        for (Element child : element.elements()) {
            if (Namespaces.STREAM_ERRORS.equals(child.namespace())) {
                if (child.name().equals(TEXT)) {
                    text = Option.some(LocalizedTexts.read(child));
                } else if (condition == null) {
                    condition = StreamErrorCondition.fromWire(child.localName()).getOrElse(StreamErrorCondition.UNDEFINED_CONDITION);
                    String characters = child.text().trim();
                    conditionText = characters.isEmpty() ? Option.none() : Option.some(characters);
                }
            } else if (application.isEmpty()) {
                application = Option.some(child);
            }
        }
        return new StreamError(condition == null ? StreamErrorCondition.UNDEFINED_CONDITION : condition,
                conditionText, text, application);
    }

    static Element encodeError(StreamError error) {
        Element.Builder builder = Element.builder(ERROR);
        Element.Builder condition = Element.builder(QName.of(Namespaces.STREAM_ERRORS, error.condition().wireName()));
        error.conditionText().forEach(condition::text);
        builder.child(condition.build());
        error.text().forEach(text -> builder.child(LocalizedTexts.write(TEXT, text)));
        error.applicationCondition().forEach(builder::child);
        return builder.build();
    }
}
