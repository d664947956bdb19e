package dev.starling.model.jingle;

import java.util.Objects;

/**
 * XEP-0234 §8.1's {@code <checksum/>}, sent in a session-info once the File Sender has hashed
 * the file: the content it is for and a {@code <file/>} with the XEP-0300 hashes. It follows a
 * session-initiate that named the algorithm with {@code <hash-used/>} ({@link JingleFile#hashUsed}).
 *
 * @param creator the content's creator
 * @param name    the content's name
 * @param file    the file, with at least its hashes
 */
public record Checksum(String creator, String name, JingleFile file) {

    public Checksum {
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
    }
}
