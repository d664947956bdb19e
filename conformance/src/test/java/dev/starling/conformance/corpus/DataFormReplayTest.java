package dev.starling.conformance.corpus;

import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEncoder;
import dev.starling.codec.xml.XmlEquivalence;
import dev.starling.model.Extension;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.element.Node;
import dev.starling.model.element.QName;
import dev.starling.model.element.Text;
import dev.starling.model.form.DataForm;
import io.vavr.collection.List;
import io.vavr.control.Either;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every XEP-0004 data form in the examples of every XEP round-trips: each
 * {@code <x xmlns='jabber:x:data'/>} found in a stanza is decoded into a {@link DataForm}, encoded
 * back, written as bytes and decoded again; the second record must equal the first, and the
 * encoded element must be equivalent to the original (attribute order and insignificant whitespace
 * ignored). XEP-0004 gives no meaning to the order of different kinds of children, which the
 * examples vary (options before values, instructions before the title), so the original is compared
 * with its children put in the order the codec writes (stable, each kind keeping its own order)
 * and without the elisions ({@code ...}, {@code [ ... ]}, {@code …}) that stand for omitted fields:
 * XEP-0004 §10 gives forms and fields element-only content, and the codec ignores character data
 * there. Comments are removed and each example part is read inside one wrapper element, as
 * {@link WellFormedness} reads it, so that annotations and elisions between stanzas (neither
 * allowed on a stream, RFC 6120 §11.1) do not hide the forms. Examples are selected and fixed by
 * the errata exactly as {@link RfcRoundTripTest} does.
 */
class DataFormReplayTest {

    /** Fewer forms than this means the corpus or the search for forms broke. */
    private static final int FLOOR = 440;

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final XmlEncoder ENCODER = new XmlEncoder();
    private static final QName X = QName.of(DataForm.NAMESPACE, "x");
    private static final java.util.List<String> FORM_ORDER = java.util.List.of("title", "instructions", "field", "reported", "item");
    private static final Map<String, java.util.List<String>> ORDERS = Map.of("x", FORM_ORDER, "reported", FORM_ORDER,
            "item", FORM_ORDER, "field", java.util.List.of("desc", "required", "value", "option"));
    private static final Pattern ELISION = Pattern.compile("[\\s.…\\[\\]]+");
    private static final Map<String, Integer> REPLAYED = new TreeMap<>(); // dynamic tests run one after another

    @TestFactory
    Stream<DynamicTest> everyDataFormInTheXepsRoundTrips() {
        Stream<DynamicTest> replays = SpecCorpus.load().stream().filter(document -> document.spec().startsWith("XEP-"))
                .flatMap(document -> {
                    Map<Integer, Erratum> errata = Errata.of(document);
                    return document.examples().stream()
                            .filter(example -> example.isXml() || errata.containsKey(example.number()))
                            .filter(example -> !errata.containsKey(example.number())
                                    || errata.get(example.number()).kind() == Erratum.Kind.ERRATUM)
                            .filter(example -> text(example, errata).contains(DataForm.NAMESPACE))
                            .map(example -> DynamicTest.dynamicTest(example.id(), () -> replay(example, text(example, errata))));
                });
        return Stream.concat(replays, Stream.of(DynamicTest.dynamicTest("at least " + FLOOR + " forms replayed", () -> {
            int total = REPLAYED.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("%nData forms round-tripped: %d in %d XEPs%n  %s%n", total, REPLAYED.size(), REPLAYED);
            assertThat(total).isGreaterThanOrEqualTo(FLOOR);
        })));
    }

    private static String text(SpecExample example, Map<Integer, Erratum> errata) {
        Erratum erratum = errata.get(example.number());
        return erratum == null ? example.text() : erratum.fix();
    }

    private static void replay(SpecExample example, String text) {
        java.util.List<String> failures = new ArrayList<>();
        for (ExamplePart part : SpeakerTurns.split(text)) {
            String body = WellFormedness.asStreamContent(part.text().replaceAll("(?s)<!--.*?-->", ""));
            String wrapped = "<wrapper>" + body + "</wrapper>";
            for (StreamEvent event : StreamReplay.events(wrapped, StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE)) {
                if (event instanceof StreamEvent.StreamFailed failed) {
                    failures.add("decoder failed: " + failed.error().describe());
                } else if (event instanceof StreamEvent.TopLevelElement top) {
                    forms(top.element()).forEach(form -> check(example, form, failures));
                }
            }
        }
        assertThat(failures).as(example.id()).isEmpty();
    }

    private static List<Element> forms(Element element) {
        return element.name().equals(X) ? List.of(element) : List.ofAll(element.elements()).flatMap(DataFormReplayTest::forms);
    }

    private static void check(SpecExample example, Element original, java.util.List<String> failures) {
        Either<CodecError, Extension> decoded = REGISTRY.decodePayload(original, Namespaces.CLIENT);
        if (decoded.isLeft() || !(decoded.get() instanceof DataForm)) {
            failures.add("codec rejected " + ENCODER.toXml(original) + ": " + decoded.fold(CodecError::reason, v -> "no data form codec"));
            return;
        }
        Element encoded = REGISTRY.encode(decoded.get(), Namespaces.CLIENT);
        Element expected = (Element) inCodecOrder(original);
        if (!XmlEquivalence.equivalent(expected, encoded)) {
            failures.add("model -> element differs:\n  " + ENCODER.toXml(XmlEquivalence.normalize(expected))
                    + "\n  " + ENCODER.toXml(XmlEquivalence.normalize(encoded)));
            return;
        }
        String bytes = new String(ENCODER.encode(encoded, Namespaces.CLIENT), StandardCharsets.UTF_8);
        List<StreamEvent> reread = StreamReplay.events(bytes, StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE);
        boolean same = reread.size() == 2 && reread.get(1) instanceof StreamEvent.TopLevelElement again
                && REGISTRY.decodePayload(again.element(), Namespaces.CLIENT).equals(decoded);
        if (!same) {
            failures.add("encode -> decode differs: " + decoded.get() + " -> " + reread);
        } else {
            REPLAYED.merge(example.spec(), 1, Integer::sum);
        }
    }

    /**
     * The node with the children of a form, table or field stably sorted in the order the codec
     * writes them (elements XEP-0004 does not define last) and elisions removed, at every level.
     */
    private static Node inCodecOrder(Node node) {
        if (!(node instanceof Element e) || !e.namespace().equals(DataForm.NAMESPACE) || !ORDERS.containsKey(e.localName())) {
            return node;
        }
        java.util.List<String> order = ORDERS.get(e.localName());
        List<Node> children = List.ofAll(e.children())
                .filter(child -> !(child instanceof Text text && ELISION.matcher(text.value()).matches()))
                .map(DataFormReplayTest::inCodecOrder);
        return e.replaceChildren(children.sortBy(child -> rank(child, order)));
    }

    private static int rank(Node child, java.util.List<String> order) {
        int index = child instanceof Element e && e.namespace().equals(DataForm.NAMESPACE) ? order.indexOf(e.localName()) : -1;
        return index < 0 ? order.size() : index;
    }
}
