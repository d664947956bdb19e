package dev.starling.model;

import dev.starling.model.element.XmlChars;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * Human-readable text with an optional {@code xml:lang} (RFC 6120 §8.3.2 {@code <text/>},
 * §4.9.2, and RFC 6121 {@code <body/>}, {@code <subject/>}, {@code <status/>}).
 *
 * @param text the characters (may be empty)
 * @param lang the language tag, when the element carries {@code xml:lang}
 */
public record LocalizedText(String text, Option<String> lang) {

    public LocalizedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(lang, "lang");
        if (!XmlChars.isValidText(text)) {
            throw new IllegalArgumentException("text contains characters not allowed in XML");
        }
    }

    /** Text without a language tag. */
    public static LocalizedText of(String text) {
        return new LocalizedText(text, Option.none());
    }

    /** Text with a language tag. */
    public static LocalizedText of(String text, String lang) {
        return new LocalizedText(text, Option.some(lang));
    }
}
