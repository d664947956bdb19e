package dev.starling.conformance.im;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEquivalence;
import dev.starling.conformance.corpus.SpecCorpus;
import dev.starling.conformance.corpus.SpecExample;
import dev.starling.conformance.corpus.SpeakerTurnsAccess;
import dev.starling.conformance.corpus.StreamReplay;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.stanza.Stanza;
import io.vavr.collection.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stanza in the examples of the everyday extensions round-trips through the typed model:
 * XEP-0085 chat states, XEP-0184 receipts, XEP-0224 attention, XEP-0202 and XEP-0090 time,
 * XEP-0012 last activity, XEP-0115 capabilities, XEP-0191 blocking, XEP-0203 delay and XEP-0013
 * flexible offline retrieval, XEP-0016 privacy lists and XEP-0153 avatar updates. Each
 * stanza is decoded, its payloads typed, encoded again, and must be equivalent to the example;
 * the test also checks that at least one payload per XEP was typed, so it cannot pass by leaving
 * everything as raw elements. Templates whose "..." stands for left-out elements are skipped.
 */
class ExtensionRoundTripTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final dev.starling.codec.xml.XmlEncoder ENCODER = new dev.starling.codec.xml.XmlEncoder();

    @TestFactory
    Stream<DynamicTest> everyStanzaOfTheExtensionsRoundTrips() {
        java.util.List<DynamicTest> tests = new ArrayList<>();
        for (String xep : List.of("xep-0013", "xep-0016", "xep-0085", "xep-0153", "xep-0184", "xep-0224", "xep-0202", "xep-0090", "xep-0012", "xep-0115", "xep-0191", "xep-0203")) {
            int[] typed = {0};
            for (SpecExample example : SpecCorpus.read(xep + ".json").examples()) {
                for (var part : SpeakerTurnsAccess.split(example.text())) {
                    for (StreamEvent event : StreamReplay.events(part.text(), StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE)) {
                        if (!(event instanceof StreamEvent.TopLevelElement top) || !(REGISTRY.decodeTopLevel(top.element(), Namespaces.CLIENT)
                                .getOrNull() instanceof Stanza stanza) || ENCODER.toXml(top.element()).contains("...")) {
                            continue; // not a stanza, or a template whose "..." stands for elements left out
                        }
                        tests.add(DynamicTest.dynamicTest(example.id() + " " + top.element().name().localName(), () -> {
                            var decoded = REGISTRY.typePayloads(stanza, Namespaces.CLIENT);
                            assertThat(decoded.isRight()).as("decodes: " + decoded).isTrue();
                            Element again = REGISTRY.encode(decoded.get(), Namespaces.CLIENT);
                            assertThat(XmlEquivalence.normalize(again)).isEqualTo(XmlEquivalence.normalize(top.element()));
                        }));
                        if (REGISTRY.typePayloads(stanza, Namespaces.CLIENT).exists(s -> s.children().exists(c -> !(c instanceof Element)))) {
                            typed[0]++;
                        }
                    }
                }
            }
            tests.add(DynamicTest.dynamicTest(xep + " has typed payloads", () -> assertThat(typed[0]).isPositive()));
        }
        return tests.stream();
    }
}
