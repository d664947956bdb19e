package dev.starling.benchmarks;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlStreamDecoder;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stream.StreamElement;
import io.vavr.control.Either;
import io.vavr.control.Option;
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

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import java.util.concurrent.TimeUnit;

/**
 * Decoding {@link StanzaCorpus} from bytes, one operation per whole corpus, fed in 4 KiB chunks
 * as a socket would deliver it. Every method returns the number of stanzas it decoded, which
 * {@link #verify} checks once before measuring. Scores are ops/s; multiply by
 * {@link StanzaCorpus#totalBytes()} for bytes/s and by {@link StanzaCorpus#stanzaCount()} for
 * stanzas/s ({@link RunCodecBenchmarks} does this).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {

    /** The size of the chunks the corpus is fed in. */
    public static final int CHUNK_BYTES = 4096;

    private final StanzaCorpus corpus = StanzaCorpus.standard();
    private final byte[] bytes = corpus.bytes();
    private final CodecRegistry registry = CodecRegistry.core();
    private final AsyncXMLInputFactory aalto = starlingConfiguredAalto();

    /** Aalto configured as Starling configures it, so the baseline parses under the same rules. */
    private static AsyncXMLInputFactory starlingConfiguredAalto() {
        AsyncXMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    /** Checks once that every path decodes exactly the corpus' stanzas, as the expected types. */
    @Setup
    public void verify(Blackhole bh) throws Exception {
        int expected = corpus.stanzaCount();
        Checks.equal("aaltoRawEventLoop stanzas", expected, aaltoRawEventLoop(bh));
        Checks.equal("starlingElements stanzas", expected, starlingElements(bh));
        Checks.equal("starlingTyped stanzas", expected, starlingTyped(bh));
        Checks.equal("smackPacketParserUtils stanzas", expected, smackPacketParserUtils(bh));
        Checks.typedMix(corpus, CorpusDecoding.typed(bytes, registry));
        Checks.smackMix(corpus, CorpusDecoding.smack(bytes));
    }

    /**
     * The limit of this stack: Aalto's async parser alone, reading each name, namespace and
     * attribute value and the length of each text event, building nothing.
     */
    @Benchmark
    public int aaltoRawEventLoop(Blackhole bh) throws XMLStreamException {
        AsyncXMLStreamReader<AsyncByteArrayFeeder> reader = aalto.createAsyncForByteArray();
        int stanzas = 0;
        long touched = 0;
        for (int offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
            reader.getInputFeeder().feedInput(bytes, offset, Math.min(CHUNK_BYTES, bytes.length - offset));
            for (int event = reader.next(); event != AsyncXMLStreamReader.EVENT_INCOMPLETE
                    && event != XMLStreamConstants.END_DOCUMENT; event = reader.next()) {
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        bh.consume(reader.getLocalName());
                        bh.consume(reader.getNamespaceURI());
                        for (int i = reader.getAttributeCount() - 1; i >= 0; i--) {
                            bh.consume(reader.getAttributeLocalName(i));
                            touched += reader.getAttributeValue(i).length();
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (reader.getDepth() == 2) {
                            stanzas++;
                        }
                    }
                    case XMLStreamConstants.CHARACTERS -> touched += reader.getTextLength();
                    default -> touched++;
                }
            }
        }
        bh.consume(touched);
        return stanzas;
    }

    /** Starling's decoder: bytes to one immutable {@code Element} per stanza. */
    @Benchmark
    public int starlingElements(Blackhole bh) {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        int stanzas = 0;
        for (int offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
            decoder.feed(bytes, offset, Math.min(CHUNK_BYTES, bytes.length - offset));
            for (Option<StreamEvent> event = decoder.next(); event.isDefined(); event = decoder.next()) {
                StreamEvent e = event.get();
                if (e instanceof StreamEvent.TopLevelElement) {
                    stanzas++;
                }
                bh.consume(e);
            }
        }
        return stanzas;
    }

    /** Starling's decoder and then the codec registry: bytes to typed Message, Presence and Iq. */
    @Benchmark
    public int starlingTyped(Blackhole bh) {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        int stanzas = 0;
        for (int offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
            decoder.feed(bytes, offset, Math.min(CHUNK_BYTES, bytes.length - offset));
            for (Option<StreamEvent> event = decoder.next(); event.isDefined(); event = decoder.next()) {
                if (event.get() instanceof StreamEvent.TopLevelElement top) {
                    Either<?, StreamElement> typed = registry.decodeTopLevel(top.element(), StanzaCorpus.CONTENT_NAMESPACE);
                    if (typed.isRight() && typed.get() instanceof Stanza) {
                        stanzas++;
                    }
                    bh.consume(typed);
                }
            }
        }
        return stanzas;
    }

    /**
     * Smack 4.4.8 as its {@code XMPPTCPConnection} reads a stream: one pull parser (over Aalto's
     * blocking StAX parser, found through {@code smack-xmlparser-stax}) on a UTF-8 reader fed in
     * the same 4 KiB chunks, and {@code PacketParserUtils.parseStanza(parser, streamEnvironment)}
     * per stanza (see {@link SmackStream}).
     */
    @Benchmark
    public int smackPacketParserUtils(Blackhole bh) throws Exception {
        return SmackStream.parse(bytes, CHUNK_BYTES, bh::consume);
    }
}
