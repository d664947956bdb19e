package dev.starling.model.stanza;

import dev.starling.model.Extension;
import dev.starling.model.LocalizedText;
import io.vavr.control.Option;

/**
 * A presence {@code <status/>}, RFC 6121 §4.7.2.2.
 *
 * @param content the text and its language
 */
public record Status(LocalizedText content) implements Extension {

    /** A status without a language tag. */
    public static Status of(String text) {
        return new Status(LocalizedText.of(text));
    }

    public String text() {
        return content.text();
    }

    public Option<String> lang() {
        return content.lang();
    }
}
