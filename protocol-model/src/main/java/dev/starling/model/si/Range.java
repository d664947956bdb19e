package dev.starling.model.si;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * A XEP-0096 {@code <range/>}: in an offer, that the sender can send part of the file; in an
 * acceptance, the part the receiver wants (§4: from 'offset', default 0, for 'length' bytes,
 * default the rest).
 *
 * @param offset where the part starts
 * @param length how many bytes it has
 */
public record Range(Option<Long> offset, Option<Long> length) {
    public Range {
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(length, "length");
        if (offset.exists(o -> o < 0) || length.exists(l -> l < 0)) {
            throw new IllegalArgumentException("a range's offset and length are not negative");
        }
    }

    /** {@code <range/>}: the whole file, or, in an offer, ranges supported. */
    public static Range whole() {
        return new Range(Option.none(), Option.none());
    }

    /** The first byte wanted. */
    public long start() {
        return offset.getOrElse(0L);
    }

    /** How many bytes of a file of {@code size} bytes this range asks for. */
    public long lengthOf(long size) {
        long rest = Math.max(0, size - start());
        return length.map(l -> Math.min(l, rest)).getOrElse(rest);
    }
}
