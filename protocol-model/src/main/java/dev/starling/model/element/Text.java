package dev.starling.model.element;

import java.util.Objects;

/**
 * Character data inside an element (text and CDATA sections alike; XML does not distinguish
 * them semantically). The value holds only XML 1.0 characters.
 *
 * @param value the characters, never empty
 */
public record Text(String value) implements Node {

    public Text {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a text node is never empty");
        }
        int bad = XmlChars.indexOfInvalid(value);
        if (bad >= 0) {
            throw new IllegalArgumentException(
                    "character U+%04X at index %d is not allowed in XML".formatted((int) value.charAt(bad), bad));
        }
    }

    /** Whether this text is only XML whitespace (space, tab, CR, LF). */
    public boolean isWhitespace() {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
