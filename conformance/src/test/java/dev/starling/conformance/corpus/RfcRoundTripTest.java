package dev.starling.conformance.corpus;

import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEncoder;
import dev.starling.codec.xml.XmlEquivalence;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.stream.StreamElement;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stream.StreamHeader;
import io.vavr.collection.List;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stanza and stream-level element in the examples of RFC 6120 and RFC 6121 round-trips:
 * bytes are decoded by Starling's stream decoder into an element, the element into the typed
 * model (stanza payloads with a codec included, such as roster queries), the model encoded back to an element and to bytes, and those bytes decoded again; each
 * step must give an element equivalent to the original (attribute order and insignificant
 * whitespace ignored). Stream headers round-trip the same way. Examples the errata list as
 * templates or malformed by design are covered by {@link SpecExampleWellFormednessTest} instead;
 * errata are replayed in their fixed form.
 */
class RfcRoundTripTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final XmlEncoder ENCODER = new XmlEncoder();
    private static final Map<String, AtomicInteger> ROUND_TRIPPED = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> stanzasAndStreamElementsRoundTrip() {
        return Stream.of("rfc6120.json", "rfc6121.json").map(SpecCorpus::read).flatMap(document -> {
            Map<Integer, Erratum> errata = Errata.of(document);
            return document.examples().stream()
                    .filter(example -> example.isXml() || errata.containsKey(example.number()))
                    .filter(example -> !errata.containsKey(example.number())
                            || errata.get(example.number()).kind() == Erratum.Kind.ERRATUM)
                    .map(example -> DynamicTest.dynamicTest(example.id(), () -> roundTrip(example, errata.get(example.number()))));
        });
    }

    private static void roundTrip(SpecExample example, Erratum erratum) {
        String text = erratum == null ? example.text() : erratum.fix();
        java.util.List<String> failures = new ArrayList<>();
        for (ExamplePart part : SpeakerTurns.split(text)) {
            String namespace = part.text().contains(Namespaces.SERVER) || part.speaker().equals("I") || part.speaker().equals("R")
                    ? Namespaces.SERVER : Namespaces.CLIENT;
            String header = StreamReplay.CLIENT_HEADER.replace(Namespaces.CLIENT, namespace);
            for (int chunk : new int[]{Integer.MAX_VALUE, 7}) {
                for (StreamEvent event : StreamReplay.events(part.text(), header, chunk)) {
                    check(example, event, namespace, failures, chunk == 7);
                }
            }
        }
        assertThat(failures).as(example.id()).isEmpty();
    }

    private static void check(SpecExample example, StreamEvent event, String namespace, java.util.List<String> failures,
                              boolean count) {
        if (event instanceof StreamEvent.StreamFailed failed) {
            failures.add("decoder failed: " + failed.error().describe());
        } else if (event instanceof StreamEvent.StreamOpened opened) {
            StreamHeader header = opened.header();
            List<StreamEvent> again = decodeStream(new String(ENCODER.streamHeader(header), StandardCharsets.UTF_8));
            if (again.isEmpty() || !(again.head() instanceof StreamEvent.StreamOpened reopened) || !reopened.header().equals(header)) {
                failures.add("stream header did not round-trip: " + header + " -> " + again);
            } else if (count) {
                ROUND_TRIPPED.computeIfAbsent(example.spec(), s -> new AtomicInteger()).incrementAndGet();
            }
        } else if (event instanceof StreamEvent.TopLevelElement top) {
            Element original = top.element();
            Either<CodecError, StreamElement> decoded = REGISTRY.decodeTopLevel(original, namespace);
            if (decoded.isLeft()) {
                failures.add("codec rejected " + original.name() + ": " + decoded.getLeft());
                return;
            }
            if (decoded.get() instanceof Element) {
                return; // not a stanza or a core stream element (e.g. server dialback): parsed only
            }
            if (decoded.get() instanceof Stanza stanza) { // payloads with a codec (roster, disco, ...) become records too
                decoded = REGISTRY.typePayloads(stanza, namespace).map(StreamElement.class::cast);
                if (decoded.isLeft()) {
                    failures.add("payload codec rejected a child of " + original.name() + ": " + decoded.getLeft());
                    return;
                }
            }
            Element encoded = REGISTRY.encode(decoded.get(), namespace);
            if (!XmlEquivalence.equivalent(original, encoded)) {
                failures.add("model -> element differs for " + original.name() + ":\n  " + ENCODER.toXml(XmlEquivalence.normalize(original))
                        + "\n  " + ENCODER.toXml(XmlEquivalence.normalize(encoded)));
                return;
            }
            String header = StreamReplay.CLIENT_HEADER.replace(Namespaces.CLIENT, namespace);
            List<StreamEvent> reread = decodeStream(header + new String(ENCODER.encode(encoded, namespace), StandardCharsets.UTF_8));
            boolean same = reread.size() == 2 && reread.get(1) instanceof StreamEvent.TopLevelElement again
                    && XmlEquivalence.equivalent(original, again.element());
            if (!same) {
                failures.add("encode -> decode differs for " + original.name() + ": " + reread);
            } else if (count) {
                ROUND_TRIPPED.computeIfAbsent(example.spec(), s -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    private static List<StreamEvent> decodeStream(String xml) {
        return StreamReplay.events(xml, "", Integer.MAX_VALUE);
    }

    @AfterAll
    static void printCounts() {
        System.out.println("\nRFC examples round-tripped (stanzas, stream elements and headers):");
        new TreeMap<>(ROUND_TRIPPED).forEach((spec, count) -> System.out.printf("  %-9s %4d%n", spec, count.get()));
    }
}
