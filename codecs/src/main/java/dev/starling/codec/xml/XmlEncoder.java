package dev.starling.codec.xml;

import dev.starling.codec.stream.StreamHeaderCodec;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Attribute;
import dev.starling.model.element.Element;
import dev.starling.model.element.Node;
import dev.starling.model.element.Text;
import dev.starling.model.stream.StreamHeader;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Writes elements as canonical UTF-8 XML through Aalto's stream writer: every name and value
 * correctly escaped (attribute whitespace as character references so it survives attribute
 * normalization), a default namespace declared only where an element's namespace differs from
 * its parent's, {@code xml:} used for {@code xml:lang}, the {@code stream:} prefix for
 * stream-namespace elements, and a generated prefix only for other namespaced attributes.
 *
 * <p>Top-level elements go through one writer kept open inside a stream root that is never
 * written out, so encoding a stanza creates no writer. An encoder therefore belongs to one
 * stream at a time, like the stream it writes: it is not thread-safe. {@link #toXml} and the
 * header and footer methods hold no state.
 */
public final class XmlEncoder {

    private static final byte[] FOOTER = "</stream:stream>".getBytes(StandardCharsets.UTF_8);

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    private XMLStreamWriter streamWriter;

    /** The XML declaration RFC 6120 §11.5 allows before the stream header. */
    public static final String XML_DECLARATION = "<?xml version='1.0'?>";

    /**
     * The opening stream tag (RFC 6120 §4.7), preceded by an XML declaration, declaring the
     * {@code stream} prefix and the header's content namespace as default.
     */
    public byte[] streamHeader(StreamHeader header) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(XML_DECLARATION.getBytes(StandardCharsets.UTF_8));
        try {
            XMLStreamWriter writer = AaltoFactories.output().createXMLStreamWriter(out, "UTF-8");
            writer.writeStartElement("stream", "stream", Namespaces.STREAMS);
            writer.writeNamespace("stream", Namespaces.STREAMS);
            if (!header.contentNamespace().isEmpty()) {
                writer.writeDefaultNamespace(header.contentNamespace());
            }
            for (Attribute a : StreamHeaderCodec.attributes(header)) {
                writeAttribute(writer, a, new ArrayList<>());
            }
            writer.writeCharacters(""); // closes the start tag; the element stays open
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write stream header", e);
        }
        return out.toByteArray();
    }

    /** The closing stream tag (RFC 6120 §4.4). */
    public byte[] streamFooter() {
        return FOOTER.clone();
    }

    /**
     * A top-level element of a stream whose default namespace is {@code streamNamespace} (the
     * content namespace): stanzas in that namespace carry no declaration, stream-namespace
     * elements use the {@code stream:} prefix bound on the header.
     */
    public byte[] encode(Element element, String streamNamespace) {
        try {
            XMLStreamWriter writer = streamWriter();
            writeElement(writer, element, streamNamespace, true, true);
            writer.flush();
            byte[] bytes = buffer.toByteArray();
            buffer.reset();
            return bytes;
        } catch (XMLStreamException | RuntimeException e) {
            streamWriter = null; // never reuse a writer left in an unknown state
            buffer.reset();
            throw new IllegalStateException("cannot write " + element.name(), e);
        }
    }

    /** The reused writer, positioned inside an open stream root whose bytes were discarded. */
    private XMLStreamWriter streamWriter() throws XMLStreamException {
        if (streamWriter == null) {
            buffer.reset();
            XMLStreamWriter writer = AaltoFactories.output().createXMLStreamWriter(buffer, "UTF-8");
            writer.writeStartElement("stream", "stream", Namespaces.STREAMS);
            writer.writeCharacters("");
            writer.flush();
            buffer.reset();
            streamWriter = writer;
        }
        return streamWriter;
    }

    /** A self-contained document fragment: the element declares every namespace it uses. */
    public String toXml(Element element) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            XMLStreamWriter writer = AaltoFactories.output().createXMLStreamWriter(out, "UTF-8");
            writeElement(writer, element, "", false, true);
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + element.name(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void writeElement(XMLStreamWriter writer, Element element, String inheritedNamespace,
                              boolean streamPrefixBound, boolean topLevel) throws XMLStreamException {
        String namespace = element.namespace();
        String local = element.localName();
        boolean streamPrefixed = topLevel && Namespaces.STREAMS.equals(namespace);
        String childInherited;
        if (streamPrefixed) {
            writer.writeStartElement("stream", local, namespace);
            if (!streamPrefixBound) {
                writer.writeNamespace("stream", namespace);
            }
            childInherited = inheritedNamespace;
        } else {
            writer.writeStartElement("", local, namespace);
            if (!namespace.equals(inheritedNamespace)) {
                writer.writeDefaultNamespace(namespace);
            }
            childInherited = namespace;
        }
        ArrayList<String> declared = new ArrayList<>(0);
        for (Attribute a : element.attributes()) {
            writeAttribute(writer, a, declared);
        }
        for (Node child : element.children()) {
            if (child instanceof Text text) {
                writer.writeCharacters(text.value());
            } else {
                writeElement(writer, (Element) child, childInherited, streamPrefixBound, false);
            }
        }
        writer.writeEndElement();
    }

    private void writeAttribute(XMLStreamWriter writer, Attribute attribute, ArrayList<String> declared)
            throws XMLStreamException {
        String namespace = attribute.name().namespace();
        String local = attribute.name().localName();
        if (namespace.isEmpty()) {
            writer.writeAttribute(local, attribute.value());
        } else if (Namespaces.XML.equals(namespace)) {
            writer.writeAttribute("xml", namespace, local, attribute.value());
        } else {
            int index = declared.indexOf(namespace);
            if (index < 0) {
                declared.add(namespace);
                index = declared.size() - 1;
                writer.writeNamespace("ns" + index, namespace);
            }
            writer.writeAttribute("ns" + index, namespace, local, attribute.value());
        }
    }
}
