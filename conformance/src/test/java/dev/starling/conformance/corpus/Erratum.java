package dev.starling.conformance.corpus;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/**
 * An entry of the errata: an XML example that cannot be used as printed, and why.
 *
 * @param spec    "XEP-0043", "RFC 6120", ...
 * @param example the example number
 * @param kind    {@link Kind}
 * @param problem what is wrong, in one sentence
 * @param fix     for an {@link Kind#ERRATUM}: the corrected example text (same layout as the
 *                original, speaker prefixes included); otherwise null
 * @param part    for {@link Kind#INVALID_BY_DESIGN}: the 1-based part that is the bad input
 * @param expect  for {@link Kind#INVALID_BY_DESIGN}: the stream error condition (from the decoder)
 *                or stanza error condition (from the codecs) Starling answers that input with
 * @param wellFormed for an {@link Kind#ERRATUM}: true when the original is well-formed and the
 *                mistake is in its content; otherwise the original must fail to parse
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Erratum(String spec, int example, Kind kind, String problem, String fix, Integer part, String expect,
                      Boolean wellFormed) {

    /** Why an example is listed. */
    public enum Kind {
        /** The spec is wrong; {@code fix} is the example as it should read. */
        ERRATUM,
        /** A syntax template, an outline or pseudo-XML with placeholders: not literal protocol. */
        TEMPLATE,
        /** The example deliberately shows bad input, to illustrate the error it causes. */
        INVALID_BY_DESIGN
    }

    public Erratum {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(problem, "problem");
        if (kind == Kind.ERRATUM && fix == null) {
            throw new IllegalArgumentException(spec + " example " + example + ": an erratum needs a fix");
        }
        if (kind == Kind.INVALID_BY_DESIGN && (part == null || expect == null)) {
            throw new IllegalArgumentException(spec + " example " + example + ": needs the bad part and the expected condition");
        }
    }
}
