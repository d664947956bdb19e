package dev.starling.model.stanza;

import dev.starling.model.Extension;
import dev.starling.model.LocalizedText;
import io.vavr.control.Option;

/**
 * A message {@code <body/>}, RFC 6121 §5.2.3; a message may carry several, each with a distinct
 * {@code xml:lang}.
 *
 * @param content the text and its language
 */
public record Body(LocalizedText content) implements Extension {

    /** A body without a language tag. */
    public static Body of(String text) {
        return new Body(LocalizedText.of(text));
    }

    public String text() {
        return content.text();
    }

    public Option<String> lang() {
        return content.lang();
    }
}
