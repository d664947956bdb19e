package dev.starling.model.stanza;

import dev.starling.model.Extension;
import dev.starling.model.LocalizedText;
import io.vavr.control.Option;

/**
 * A message {@code <subject/>}, RFC 6121 §5.2.4.
 *
 * @param content the text and its language
 */
public record Subject(LocalizedText content) implements Extension {

    /** A subject without a language tag. */
    public static Subject of(String text) {
        return new Subject(LocalizedText.of(text));
    }

    public String text() {
        return content.text();
    }

    public Option<String> lang() {
        return content.lang();
    }
}
