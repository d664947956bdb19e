package dev.starling.conformance.corpus;

import com.ctc.wstx.stax.WstxInputFactory;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the XSF's XML sources of XEPs and RFCs with Woodstox. Their DTDs (xep.dtd, xep.ent,
 * rfc2629.dtd) are not shipped, so DTD processing is off and undeclared entities such as
 * {@code &xep0030;} or {@code &nbsp;} are reported as entity references, which the readers
 * replace with their plain-text meaning.
 */
final class SpecSourceReader {

    private static final XMLInputFactory FACTORY = configure();

    private SpecSourceReader() {
    }

    private static XMLInputFactory configure() {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** A reader over the file; the caller closes the stream it gets back. */
    static XMLStreamReader open(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    static InputStream input(Path file) throws IOException {
        return Files.newInputStream(file);
    }

    /**
     * The text content of the current element up to its end tag, nested markup dropped and
     * entity references replaced by their plain meaning.
     */
    static String textContent(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        sb.append(reader.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> sb.append(entityText(reader.getLocalName()));
                default -> {
                }
            }
        }
        return sb.toString();
    }

    static String entityText(String name) {
        return switch (name) {
            case "nbsp" -> " ";
            case "nbhy" -> "-";
            case "mdash" -> "\u2014";
            case "ndash" -> "\u2013";
            case "rsquo", "lsquo" -> "'";
            case "rdquo", "ldquo" -> "\"";
            default -> name.matches("xep\\d{4}") ? "XEP-" + name.substring(3)
                    : name.matches("rfc\\d+") ? "RFC " + name.substring(3) : "";
        };
    }

    static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
