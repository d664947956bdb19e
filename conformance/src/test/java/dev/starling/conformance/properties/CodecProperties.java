package dev.starling.conformance.properties;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEncoder;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.stanza.Stanza;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the codecs: model -> encode -> decode is the identity for generated stanzas and
 * unknown payloads, and decoding does not depend on how the bytes are chunked.
 */
class CodecProperties {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final XmlEncoder ENCODER = new XmlEncoder();

    @Property(tries = 500)
    void stanzaEncodeDecodeIsIdentity(@ForAll("stanzas") Stanza stanza) {
        byte[] bytes = concat(StreamBytes.utf8(StreamBytes.HEADER), ENCODER.encode(REGISTRY.encode(stanza, Namespaces.CLIENT), Namespaces.CLIENT));
        List<StreamEvent> events = StreamBytes.decode(bytes, List.of());
        assertThat(events).hasSize(3).last().isInstanceOf(StreamEvent.StreamFailed.class); // cut off without </stream:stream>
        Element element = ((StreamEvent.TopLevelElement) events.get(1)).element();
        assertThat(REGISTRY.decodeTopLevel(element, Namespaces.CLIENT).get()).isEqualTo(stanza);
    }

    @Property(tries = 300)
    void unknownPayloadsAreKeptUnchanged(@ForAll("payloads") Element payload) {
        byte[] bytes = concat(StreamBytes.utf8(StreamBytes.HEADER), ENCODER.encode(payload, Namespaces.CLIENT));
        List<StreamEvent> events = StreamBytes.decode(bytes, List.of());
        assertThat(((StreamEvent.TopLevelElement) events.get(1)).element()).isEqualTo(payload);
    }

    @Property(tries = 300)
    void decodingDoesNotDependOnChunking(@ForAll("streams") byte[] stream,
                                         @ForAll("chunkings") List<Integer> chunkSizes) {
        assertThat(StreamBytes.decode(stream, chunkSizes)).isEqualTo(StreamBytes.decode(stream, List.of()));
    }

    @Provide
    Arbitrary<Stanza> stanzas() {
        return ModelArbitraries.stanzas();
    }

    @Provide
    Arbitrary<Element> payloads() {
        return ModelArbitraries.payloads();
    }

    /** A stream header, up to eight stanzas with whitespace between them, and the footer. */
    @Provide
    Arbitrary<byte[]> streams() {
        return ModelArbitraries.stanzas().list().ofMaxSize(8).map(stanzas -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(StreamBytes.utf8(StreamBytes.HEADER));
            for (Stanza s : stanzas) {
                out.writeBytes(ENCODER.encode(REGISTRY.encode(s, Namespaces.CLIENT), Namespaces.CLIENT));
                out.writeBytes(StreamBytes.utf8(" \n"));
            }
            out.writeBytes(ENCODER.streamFooter());
            return out.toByteArray();
        });
    }

    /** Chunk sizes from 1 byte to 64 KiB, including sizes that split UTF-8 sequences. */
    @Provide
    Arbitrary<List<Integer>> chunkings() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 7), Arbitraries.integers().between(8, 1500),
                Arbitraries.integers().between(1, 65536)).list().ofMinSize(1).ofMaxSize(20);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
