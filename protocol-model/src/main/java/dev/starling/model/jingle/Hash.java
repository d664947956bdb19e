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

    /**
     * The name {@link java.security.MessageDigest} knows an IANA hash function by (XEP-0300 §4
     * names them as the IANA registry does), for the functions every Java platform has.
     */
    public static io.vavr.control.Option<String> jdkName(String algo) {
        return switch (algo) {
            case "sha-1" -> io.vavr.control.Option.some("SHA-1");
            case "sha-256" -> io.vavr.control.Option.some("SHA-256");
            case "sha-384" -> io.vavr.control.Option.some("SHA-384");
            case "sha-512" -> io.vavr.control.Option.some("SHA-512");
            case "sha3-256" -> io.vavr.control.Option.some("SHA3-256");
            case "sha3-512" -> io.vavr.control.Option.some("SHA3-512");
            default -> io.vavr.control.Option.none();
        };
    }
}
