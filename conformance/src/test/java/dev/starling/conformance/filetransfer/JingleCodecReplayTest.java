package dev.starling.conformance.filetransfer;

import dev.starling.codec.CodecRegistry;
import dev.starling.model.Namespaces;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEncoder;
import dev.starling.codec.xml.XmlEquivalence;
import dev.starling.conformance.corpus.StreamReplay;
import dev.starling.conformance.im.ExampleStanzas;
import dev.starling.model.element.Element;
import dev.starling.model.jingle.Jingle;
import dev.starling.model.stanza.Stanza;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code <jingle/>} in the examples of XEP-0166, XEP-0234, XEP-0260 and XEP-0261 decodes
 * into a {@link Jingle} record and encodes back to an equivalent element (attribute order and
 * insignificant whitespace aside). The examples that are not XML the codec can read (stubs with
 * elisions) are counted out, and a floor guards against the selection silently shrinking.
 */
class JingleCodecReplayTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final XmlEncoder ENCODER = new XmlEncoder();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"xep-0166, 39, 20", "xep-0234, 20, 10", "xep-0260, 20, 8", "xep-0261, 16, 4"})
    void everyJingleElementRoundTrips(String spec, int examples, int floor) {
        List<String> failures = new ArrayList<>();
        int replayed = 0;
        for (int number = 1; number <= examples; number++) {
            String text = ExampleStanzas.text(spec, number);
            if (!text.contains("<jingle")) {
                continue;
            }
            for (StreamEvent event : StreamReplay.events(text.strip(), StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE)) {
                if (!(event instanceof StreamEvent.TopLevelElement top)) {
                    continue;
                }
                Element original = top.element();
                var decoded = REGISTRY.decodeTopLevel(original, Namespaces.CLIENT)
                        .flatMap(stanza -> REGISTRY.typePayloads((Stanza) stanza, Namespaces.CLIENT));
                if (decoded.isLeft()) {
                    failures.add(spec + " Example " + number + ": " + decoded.getLeft());
                    continue;
                }
                Stanza stanza = decoded.get();
                if (!stanza.children().exists(Jingle.class::isInstance)) {
                    failures.add(spec + " Example " + number + ": no Jingle record in " + stanza);
                    continue;
                }
                Element encoded = REGISTRY.encode(stanza, Namespaces.CLIENT);
                if (!fileChildrenSorted(XmlEquivalence.normalize(encoded)).equals(fileChildrenSorted(XmlEquivalence.normalize(original)))) {
                    failures.add(spec + " Example " + number + " differs:\n  " + ENCODER.toXml(XmlEquivalence.normalize(original))
                            + "\n  " + ENCODER.toXml(XmlEquivalence.normalize(encoded)));
                    continue;
                }
                replayed++;
            }
        }
        assertThat(failures).isEmpty();
        assertThat(replayed).isGreaterThanOrEqualTo(floor);
    }

    /** XEP-0234 §5 gives the children of {@code <file/>} no order, and the examples vary it: compared sorted by name. */
    private static Element fileChildrenSorted(Element element) {
        Element sortedBelow = element.replaceChildren(element.children().map(child -> child instanceof Element e ? fileChildrenSorted(e) : child));
        if (!sortedBelow.is(dev.starling.model.jingle.FileDescription.NAMESPACE, "file")) {
            return sortedBelow;
        }
        return sortedBelow.replaceChildren(sortedBelow.children().sortBy(child -> child instanceof Element e ? e.localName() : ""));
    }
}
