package dev.starling.codec;

import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/**
 * Maps elements with given qualified names to a typed record and back. Decoding validates what
 * the spec requires and reports a {@link CodecError} otherwise; encoding is total.
 *
 * @param <T> the record type
 */
public interface ElementCodec<T> {

    /** The qualified names this codec decodes (usually one; stanzas have one per content namespace). */
    Seq<QName> names();

    /** The record type this codec encodes. */
    Class<T> type();

    /** The record for an element with one of {@link #names()}. */
    Either<CodecError, T> decode(Element element, CodecContext context);

    /** The element for a record. */
    Element encode(T value, CodecContext context);
}
