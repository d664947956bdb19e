package dev.starling.model.element;

import java.util.Objects;

/**
 * One attribute of an {@link Element}. Unprefixed attributes are in no namespace
 * ({@link QName#local}); {@code xml:lang} is {@code {http://www.w3.org/XML/1998/namespace}lang}.
 *
 * @param name  the qualified attribute name
 * @param value the attribute value, only XML 1.0 characters
 */
public record Attribute(QName name, String value) {

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        int bad = XmlChars.indexOfInvalid(value);
        if (bad >= 0) {
            throw new IllegalArgumentException("character U+%04X in attribute %s is not allowed in XML"
                    .formatted((int) value.charAt(bad), name));
        }
    }
}
