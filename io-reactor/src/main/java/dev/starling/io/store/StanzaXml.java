package dev.starling.io.store;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEncoder;
import dev.starling.codec.xml.XmlStreamDecoder;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.stanza.Stanza;

import java.nio.charset.StandardCharsets;

/** Stanzas and elements as the XML text stores keep them (in the jabber:client namespace), through Starling's own codec. */
final class StanzaXml {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final XmlEncoder ENCODER = new XmlEncoder();
    private static final String HEADER = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

    private StanzaXml() {
    }

    static String write(Stanza stanza) {
        return new String(ENCODER.encode(REGISTRY.encode(stanza, Namespaces.CLIENT), Namespaces.CLIENT), StandardCharsets.UTF_8);
    }

    static String writeElement(Element element) {
        return ENCODER.toXml(element);
    }

    static Element readElement(String xml) {
        return top(xml).element();
    }

    static Stanza read(String xml) {
        Stanza stanza = (Stanza) REGISTRY.decodeTopLevel(top(xml).element(), Namespaces.CLIENT).get();
        return REGISTRY.typePayloads(stanza, Namespaces.CLIENT).get();
    }

    private static StreamEvent.TopLevelElement top(String xml) {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        decoder.feed((HEADER + xml).getBytes(StandardCharsets.UTF_8));
        decoder.next();
        StreamEvent event = decoder.next().getOrElseThrow(() -> new IllegalStateException("stored XML is incomplete"));
        if (!(event instanceof StreamEvent.TopLevelElement top)) {
            throw new IllegalStateException("stored XML does not parse: " + event);
        }
        return top;
    }
}
