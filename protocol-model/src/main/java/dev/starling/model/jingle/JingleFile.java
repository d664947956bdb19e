package dev.starling.model.jingle;

import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * The {@code <file/>} of XEP-0234 §5.
 *
 * @param date      last modification
 * @param desc      a description
 * @param mediaType its media type
 * @param name      its name
 * @param size      its size in bytes
 * @param range     the part wanted or offered (§7: resume)
 * @param hashes    XEP-0300 hashes of the whole file
 * @param hashUsed  the algorithm the sender will hash with, when it sends the hash later (XEP-0300 §4, {@code <hash-used/>})
 */
public record JingleFile(Option<Instant> date, Option<String> desc, Option<String> mediaType, Option<String> name, Option<Long> size,
                         Option<FileRange> range, Seq<Hash> hashes, Option<String> hashUsed) {
    public JingleFile {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(desc, "desc");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(hashes, "hashes");
        Objects.requireNonNull(hashUsed, "hashUsed");
    }

    /**
     * {@code <range/>}: from {@code offset}, {@code length} bytes (to the end when none).
     *
     * @param offset the first byte
     * @param length how many
     */
    public record FileRange(long offset, Option<Long> length) {
        public FileRange {
            Objects.requireNonNull(length, "length");
            if (offset < 0 || length.exists(l -> l < 0)) {
                throw new IllegalArgumentException("a range is not negative: " + offset + ", " + length);
            }
        }
    }
}
