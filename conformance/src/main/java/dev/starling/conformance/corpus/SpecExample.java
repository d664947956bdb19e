package dev.starling.conformance.corpus;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Objects;

/**
 * One example of a specification: an XEP {@code <example/>} or an RFC {@code <artwork/>},
 * with where it stands in its document.
 *
 * @param spec         "XEP-0065", "RFC 6120", ...
 * @param number       the example's 1-based position in its document
 * @param caption      the XEP caption or the RFC figure's title or preamble
 * @param section      the section number ("6.3.1", "A.2")
 * @param sectionTitle the section's title
 * @param text         the example verbatim (leading and trailing blank lines removed)
 * @param parts        the text split into speaker turns
 */
public record SpecExample(String spec, int number, String caption, String section, String sectionTitle,
                          String text, List<ExamplePart> parts) {

    public SpecExample {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(sectionTitle, "sectionTitle");
        Objects.requireNonNull(text, "text");
        parts = List.copyOf(parts);
    }

    /** Whether every part is written as XML, i.e. the example is meant to parse as XML. */
    @JsonIgnore
    public boolean isXml() {
        return !parts.isEmpty() && parts.stream().allMatch(ExamplePart::looksLikeXml);
    }

    /** "XEP-0065 example 12 (§6.3.1)". */
    public String id() {
        return spec + " example " + number + " (§" + section + ")";
    }
}
