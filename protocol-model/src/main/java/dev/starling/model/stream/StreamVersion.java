package dev.starling.model.stream;

import io.vavr.control.Option;

/**
 * The {@code version} of a stream header, RFC 6120 §4.7.5: "major.minor" with each number
 * compared as an integer (leading zeros ignored).
 *
 * @param major the major version
 * @param minor the minor version
 */
public record StreamVersion(int major, int minor) implements Comparable<StreamVersion> {

    /** Version 1.0, the version RFC 6120 defines. */
    public static final StreamVersion V1_0 = new StreamVersion(1, 0);

    public StreamVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("version numbers are non-negative");
        }
    }

    /** Parses "major.minor" where both are decimal integers. */
    public static Option<StreamVersion> parse(String value) {
        int dot = value.indexOf('.');
        if (dot <= 0 || dot == value.length() - 1 || value.indexOf('.', dot + 1) >= 0) {
            return Option.none();
        }
        return digits(value.substring(0, dot)).flatMap(major -> digits(value.substring(dot + 1))
                .map(minor -> new StreamVersion(major, minor)));
    }

    private static Option<Integer> digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return Option.none();
            }
        }
        int firstSignificant = 0;
        while (firstSignificant < s.length() - 1 && s.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        String significant = s.substring(firstSignificant);
        return significant.length() > 9 ? Option.none() : Option.some(Integer.parseInt(significant));
    }

    @Override
    public int compareTo(StreamVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
