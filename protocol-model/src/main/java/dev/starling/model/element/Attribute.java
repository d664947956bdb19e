package dev.starling.model.element;

import java.util.Objects;

/**
 * One attribute of an {@link Element}. Unprefixed attributes are in no namespace
 * ({@link QName#local}); {@code xml:lang} is {@code {http://www.w3.org/XML/1998/namespace}lang}.
 * The value holds only XML 1.0 characters.
 */
public final class Attribute {

    private final QName name;
    private final String value;

    /** An attribute whose value is checked against XML 1.0 §2.2. */
    public Attribute(QName name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        int bad = XmlChars.indexOfInvalid(value);
        if (bad >= 0) {
            throw new IllegalArgumentException("character U+%04X in attribute %s is not allowed in XML"
                    .formatted((int) value.charAt(bad), name));
        }
        this.name = name;
        this.value = value;
    }

    private Attribute(QName name, String value, boolean checked) {
        this.name = name;
        this.value = value;
    }

    /** An attribute a conforming XML parser produced (its value is already checked). */
    static Attribute parsed(QName name, String value) {
        return new Attribute(name, value, true);
    }

    public QName name() {
        return name;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attribute other && name.equals(other.name) && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + value.hashCode();
    }

    @Override
    public String toString() {
        return name + "=\"" + value + "\"";
    }
}
