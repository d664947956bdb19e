package dev.starling.codec;

import dev.starling.model.LocalizedText;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;

/** Reads and writes {@link LocalizedText}: character data with an optional {@code xml:lang}. */
public final class LocalizedTexts {

    /** {@code xml:lang}. */
    public static final QName XML_LANG = QName.of(Namespaces.XML, "lang");

    private LocalizedTexts() {
    }

    /** The element's text and {@code xml:lang}. */
    public static LocalizedText read(Element element) {
        return new LocalizedText(element.text(), element.attribute(XML_LANG));
    }

    /** An element with this name holding the text and {@code xml:lang}. */
    public static Element write(QName name, LocalizedText text) {
        Element.Builder builder = Element.builder(name);
        text.lang().forEach(lang -> builder.attribute(XML_LANG, lang));
        return builder.text(text.text()).build();
    }
}
