package dev.starling.model.jingle;

import java.util.Objects;

/**
 * A XEP-0300 {@code <hash/>}: an algorithm (IANA name, §4) and the base64 digest.
 *
 * @param algo   the algorithm, such as {@code sha-256}
 * @param base64 the digest, base64
 */
public record Hash(String algo, String base64) {

    /** The namespace (XEP-0300 §9). */
    public static final String NAMESPACE = "urn:xmpp:hashes:2";

    public Hash {
        Objects.requireNonNull(algo, "algo");
        Objects.requireNonNull(base64, "base64");
    }
}
