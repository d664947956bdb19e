package dev.starling.model.si;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * XEP-0096's {@code <file/>}: in an offer, the file (name and size required, §4); in an
 * acceptance, empty or with the {@link Range} wanted.
 *
 * @param name  the file's name (a name only: the receiver never uses it as a path)
 * @param size  its size in bytes
 * @param hash  the MD5 of its content, hex (§4)
 * @param date  when it was last modified, XEP-0082 DateTime as sent
 * @param desc  a description
 * @param range the range supported (offer) or wanted (acceptance)
 */
public record FileTransfer(Option<String> name, Option<Long> size, Option<String> hash, Option<String> date, Option<String> desc,
                           Option<Range> range) {

    /** The namespace, also the profile's URI (XEP-0096 §8). */
    public static final String NAMESPACE = "http://jabber.org/protocol/si/profile/file-transfer";

    public FileTransfer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(desc, "desc");
        Objects.requireNonNull(range, "range");
        if (size.exists(s -> s < 0)) {
            throw new IllegalArgumentException("a file size is not negative");
        }
    }

    /** An offer's file: a name and a size. */
    public static FileTransfer of(String name, long size) {
        return new FileTransfer(Option.some(name), Option.some(size), Option.none(), Option.none(), Option.none(), Option.none());
    }

    /** An acceptance's file, empty or with the range wanted. */
    public static FileTransfer accepting(Option<Range> range) {
        return new FileTransfer(Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), range);
    }

    /** The same file with a description. */
    public FileTransfer withDesc(String description) {
        return new FileTransfer(name, size, hash, date, Option.some(description), range);
    }

    /** The same file with a range element. */
    public FileTransfer withRange(Range newRange) {
        return new FileTransfer(name, size, hash, date, desc, Option.some(newRange));
    }
}
