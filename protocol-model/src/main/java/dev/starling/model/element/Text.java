package dev.starling.model.element;

import java.util.Objects;

/**
 * Character data inside an element (text and CDATA sections alike; XML does not distinguish
 * them semantically). The value is never empty and holds only XML 1.0 characters.
 */
public final class Text implements Node {

    private final String value;

    /** Text with the given characters, checked against XML 1.0 §2.2. */
    public Text(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a text node is never empty");
        }
        int bad = XmlChars.indexOfInvalid(value);
        if (bad >= 0) {
            throw new IllegalArgumentException(
                    "character U+%04X at index %d is not allowed in XML".formatted((int) value.charAt(bad), bad));
        }
        this.value = value;
    }

    private Text(String value, boolean checked) {
        this.value = value;
    }

    /** Text a conforming XML parser produced (its characters are already checked). */
    static Text parsed(String value) {
        return new Text(value, true);
    }

    public String value() {
        return value;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Text other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Text[" + value + "]";
    }
}
