package dev.starling.conformance.im;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEquivalence;
import dev.starling.conformance.corpus.SpecCorpus;
import dev.starling.conformance.corpus.StreamReplay;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.stanza.Stanza;
import io.vavr.collection.List;

/**
 * The stanzas of a spec example, decoded with the core registry as a client's stream would carry
 * them (payloads typed), and the normalized form replay tests compare.
 */
public final class ExampleStanzas {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();

    private ExampleStanzas() {
    }

    /** The text of example {@code number} of a spec ({@code xep-0013}, {@code rfc6121}). */
    public static String text(String spec, int number) {
        return SpecCorpus.read(spec + ".json").examples().stream().filter(e -> e.number() == number).findFirst().get().text();
    }

    /** Every stanza of the example, in order. */
    public static List<Stanza> stanzas(String spec, int number) {
        return decode(text(spec, number));
    }

    /** Every stanza in the XML, in order. */
    public static List<Stanza> decode(String xml) {
        return StreamReplay.events(xml.strip(), StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE)
                .filter(StreamEvent.TopLevelElement.class::isInstance)
                .map(event -> REGISTRY.typePayloads((Stanza) REGISTRY.decodeTopLevel(((StreamEvent.TopLevelElement) event).element(),
                        Namespaces.CLIENT).get(), Namespaces.CLIENT).get())
                .toList();
    }

    /** The stanza as XML, normalized for comparison. */
    public static Element normalized(Stanza stanza) {
        return XmlEquivalence.normalize(REGISTRY.encode(stanza, Namespaces.CLIENT));
    }
}
