package dev.starling.benchmarks;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.XmlEncoder;
import dev.starling.model.element.Element;
import dev.starling.model.stream.StreamElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Encoding the stanzas of {@link StanzaCorpus}, one operation per whole corpus, each stanza
 * written for a {@code jabber:client} stream (no {@code xmlns} on the stanza). The inputs are
 * decoded once in setup: Starling's typed stanzas and elements, Smack's stanzas. Every method
 * returns the number of stanzas it wrote; {@link #verify} checks that count, that Starling's
 * output decodes back to the same stanzas and that Smack wrote each stanza (Smack's output is not
 * re-parsed: with only smack-core, it is not well-formed for this corpus, see RESULTS-codecs.md). Scores are ops/s; multiply by
 * {@link StanzaCorpus#stanzaCount()} for stanzas/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EncodeBenchmark {

    private static final String NS = StanzaCorpus.CONTENT_NAMESPACE;
    private static final XmlEnvironment SMACK_STREAM = new XmlEnvironment(NS);

    private final StanzaCorpus corpus = StanzaCorpus.standard();
    private final CodecRegistry registry = CodecRegistry.core();
    private final XmlEncoder encoder = new XmlEncoder();
    private List<StreamElement> typed;
    private List<Element> elements;
    private List<Stanza> smack;

    /** Decodes the inputs, then checks every path's output by decoding it again. */
    @Setup
    public void verify(Blackhole bh) throws Exception {
        typed = CorpusDecoding.typed(corpus.bytes(), registry);
        elements = CorpusDecoding.elements(corpus.bytes());
        smack = CorpusDecoding.smack(corpus.bytes());
        int expected = corpus.stanzaCount();
        Checks.equal("starlingTypedToBytes stanzas", expected, starlingTypedToBytes(bh));
        Checks.equal("starlingElementToBytes stanzas", expected, starlingElementToBytes(bh));
        Checks.equal("smackToXml stanzas", expected, smackToXml(bh));
        Checks.same("typed stanzas after typed -> bytes -> typed", typed,
                CorpusDecoding.typed(CorpusDecoding.asStream(typed.stream().map(this::typedToBytes).toList()), registry));
        Checks.same("elements after element -> bytes -> element", elements,
                CorpusDecoding.elements(CorpusDecoding.asStream(elements.stream().map(this::elementToBytes).toList())));
        Checks.smackOutput(smack, smack.stream().map(EncodeBenchmark::smackToXml).toList());
    }

    /** Starling, model to wire: the codec registry builds the element, the encoder writes it. */
    @Benchmark
    public int starlingTypedToBytes(Blackhole bh) {
        for (StreamElement stanza : typed) {
            bh.consume(typedToBytes(stanza));
        }
        return typed.size();
    }

    /** Starling's encoder alone: an element already built, written to bytes (the baseline). */
    @Benchmark
    public int starlingElementToBytes(Blackhole bh) {
        for (Element element : elements) {
            bh.consume(elementToBytes(element));
        }
        return elements.size();
    }

    /**
     * Smack 4.4.8: {@code stanza.toXML(streamEnvironment).toString()}, as its connection
     * serializes a stanza for a {@code jabber:client} stream (UTF-8 encoding not included).
     */
    @Benchmark
    public int smackToXml(Blackhole bh) {
        for (Stanza stanza : smack) {
            bh.consume(smackToXml(stanza));
        }
        return smack.size();
    }

    private byte[] typedToBytes(StreamElement stanza) {
        return encoder.encode(registry.encode(stanza, NS), NS);
    }

    private byte[] elementToBytes(Element element) {
        return encoder.encode(element, NS);
    }

    private static String smackToXml(Stanza stanza) {
        return stanza.toXML(SMACK_STREAM).toString();
    }
}
