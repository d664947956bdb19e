package dev.starling.conformance.corpus;

import java.util.Objects;

/**
 * One speaker's turn inside an example. RFC artwork marks turns with a prefix ({@code C:},
 * {@code S:}, {@code I:}, {@code R:}, {@code UC:}, ...); an example without prefixes is one part
 * with an empty speaker.
 *
 * @param speaker the prefix without its colon, or {@code ""}
 * @param text    the part's text with the prefix removed
 */
public record ExamplePart(String speaker, String text) {

    public ExamplePart {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
    }

    /** Whether this part is written as XML (its first non-blank character is '<'). */
    public boolean looksLikeXml() {
        return text.stripLeading().startsWith("<");
    }
}
