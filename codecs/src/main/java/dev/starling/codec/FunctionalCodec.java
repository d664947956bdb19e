package dev.starling.codec;

import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * An {@link ElementCodec} assembled from two functions, for codecs that need no state.
 *
 * @param names   the names decoded
 * @param type    the record type
 * @param decoder element to record
 * @param encoder record to element
 * @param <T>     the record type
 */
public record FunctionalCodec<T>(Seq<QName> names, Class<T> type,
                                 BiFunction<Element, CodecContext, Either<CodecError, T>> decoder,
                                 BiFunction<T, CodecContext, Element> encoder) implements ElementCodec<T> {

    public FunctionalCodec {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(decoder, "decoder");
        Objects.requireNonNull(encoder, "encoder");
    }

    /** A codec for an element that carries no data: decoding ignores content, encoding is empty. */
    public static <T> FunctionalCodec<T> empty(QName name, Class<T> type, T value) {
        return new FunctionalCodec<>(io.vavr.collection.List.of(name), type,
                (element, context) -> Either.right(value), (record, context) -> Element.of(name));
    }

    @Override
    public Either<CodecError, T> decode(Element element, CodecContext context) {
        return decoder.apply(element, context);
    }

    @Override
    public Element encode(T value, CodecContext context) {
        return encoder.apply(value, context);
    }
}
