package dev.starling.conformance.properties;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEncoder;
import dev.starling.model.Namespaces;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stream.StreamErrorCondition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decoder never throws and never hangs: on random bytes and on valid streams with random
 * mutations. Restricted constructs (RFC 6120 §11.1) are always answered with
 * {@code restricted-xml}: comments, processing instructions and entity references spliced into
 * valid stanzas, and DTDs, comments and processing instructions before the stream header. Every input ends in a defined state: a closed
 * stream, a failure, or a cut-off stream reported once the input ends.
 */
class DecoderRobustnessProperties {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final XmlEncoder ENCODER = new XmlEncoder();

    @Property(tries = 1000)
    void randomBytesNeverThrowOrHang(@ForAll("bytes") byte[] input, @ForAll("chunkings") List<Integer> chunks) {
        assertEndsDefined(StreamBytes.decode(input, chunks));
    }

    @Property(tries = 1000)
    void mutatedStreamsNeverThrowOrHang(@ForAll("mutatedStreams") byte[] input, @ForAll("chunkings") List<Integer> chunks) {
        assertEndsDefined(StreamBytes.decode(input, chunks));
    }

    @Property(tries = 300)
    void restrictedXmlIsAlwaysRefused(@ForAll("stanzaXml") String stanza, @ForAll("restricted") String construct,
                                      @ForAll("chunkings") List<Integer> chunks) {
        int cut = endOfStartTag(stanza) + 1; // just inside the stanza's element content
        byte[] bytes = StreamBytes.utf8(StreamBytes.HEADER + stanza.substring(0, cut) + construct + stanza.substring(cut));
        List<StreamEvent> events = StreamBytes.decode(bytes, chunks);
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(StreamEvent.StreamFailed.class,
                failed -> assertThat(failed.error().condition()).isEqualTo(StreamErrorCondition.RESTRICTED_XML));
    }

    @Property(tries = 300)
    void everythingBeforeAFailureIsReported(@ForAll("stanzaLists") List<String> stanzas, @ForAll("restricted") String construct,
                                            @ForAll("chunkings") List<Integer> chunks) {
        StringBuilder xml = new StringBuilder(StreamBytes.HEADER);
        stanzas.forEach(xml::append);
        List<StreamEvent> events = StreamBytes.decode(StreamBytes.utf8(xml + construct + "<presence/>"), chunks);
        assertThat(events).hasSize(stanzas.size() + 2);
        assertThat(events.subList(1, stanzas.size() + 1)).allMatch(StreamEvent.TopLevelElement.class::isInstance);
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(StreamEvent.StreamFailed.class,
                failed -> assertThat(failed.error().condition()).isEqualTo(StreamErrorCondition.RESTRICTED_XML));
    }

    @Provide
    Arbitrary<List<String>> stanzaLists() {
        return stanzaXml().list().ofMaxSize(5);
    }

    @Property(tries = 100)
    void aDtdOrCommentBeforeTheHeaderIsRefused(@ForAll("prologConstructs") String construct,
                                                @ForAll("chunkings") List<Integer> chunks) {
        List<StreamEvent> events = StreamBytes.decode(StreamBytes.utf8("<?xml version='1.0'?>" + construct + StreamBytes.HEADER
                .substring(StreamBytes.HEADER.indexOf("<stream:"))), chunks);
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(StreamEvent.StreamFailed.class,
                failed -> assertThat(failed.error().condition()).isEqualTo(StreamErrorCondition.RESTRICTED_XML));
    }

    /** The index of the '>' closing the first start tag ('>' may appear unescaped in quoted values). */
    private static int endOfStartTag(String xml) {
        char quote = 0;
        for (int i = 0; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        throw new IllegalArgumentException("no start tag in " + xml);
    }

    @Provide
    Arbitrary<String> prologConstructs() {
        return Arbitraries.of("<!DOCTYPE stream:stream>", "<!DOCTYPE s [<!ENTITY a 'aaaaaaaa'><!ENTITY b '&a;&a;&a;'>]>",
                "<!-- hello -->", "<?pi data?>", "<!DOCTYPE s SYSTEM 'http://example.com/x.dtd'>");
    }

    private static void assertEndsDefined(List<StreamEvent> events) {
        long failures = events.stream().filter(StreamEvent.StreamFailed.class::isInstance).count();
        long closes = events.stream().filter(StreamEvent.StreamClosed.class::isInstance).count();
        assertThat(failures + closes).as("exactly one terminal event").isLessThanOrEqualTo(1);
        if (!events.isEmpty() && failures + closes == 1) {
            StreamEvent last = events.get(events.size() - 1);
            assertThat(last).isInstanceOfAny(StreamEvent.StreamFailed.class, StreamEvent.StreamClosed.class);
        }
        if (events.stream().anyMatch(StreamEvent.StreamOpened.class::isInstance)) {
            assertThat(failures + closes).as("an opened stream ends closed or failed at end of input").isEqualTo(1);
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(2000),
                Arbitraries.of("<", ">", "/", "=", "'", "\"", "&", ";", "!", "?", "[", "]", "-", "stream", ":", " ", "x", "\u00e9",
                                "<stream:stream xmlns:stream='http://etherx.jabber.org/streams'>", "</stream:stream>", "<![CDATA[",
                                "&#x", "&amp;", "<?xml version='1.0'?>", "\u0000", "\ud83d\ude00")
                        .list().ofMaxSize(200).map(parts -> StreamBytes.utf8(String.join("", parts))));
    }

    @Provide
    Arbitrary<byte[]> mutatedStreams() {
        Arbitrary<byte[]> valid = ModelArbitraries.stanzas().list().ofMaxSize(4).map(stanzas -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(StreamBytes.utf8(StreamBytes.HEADER));
            for (Stanza s : stanzas) {
                out.writeBytes(ENCODER.encode(REGISTRY.encode(s, Namespaces.CLIENT), Namespaces.CLIENT));
            }
            out.writeBytes(ENCODER.streamFooter());
            return out.toByteArray();
        });
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.doubles().between(0, 1),
                Arbitraries.bytes()).as(Mutation::new);
        return Combinators.combine(valid, mutation.list().ofMinSize(1).ofMaxSize(8)).as((stream, mutations) -> {
            byte[] result = stream;
            for (Mutation m : mutations) {
                result = m.apply(result);
            }
            return result;
        });
    }

    @Provide
    Arbitrary<List<Integer>> chunkings() {
        return Arbitraries.integers().between(1, 3000).list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<String> stanzaXml() {
        return ModelArbitraries.stanzas().map(s -> new String(ENCODER.encode(REGISTRY.encode(s, Namespaces.CLIENT), Namespaces.CLIENT),
                java.nio.charset.StandardCharsets.UTF_8)).filter(xml -> xml.charAt(endOfStartTag(xml) - 1) != '/');
    }

    @Provide
    Arbitrary<String> restricted() {
        return Arbitraries.of("<!-- a comment -->", "<?pi data?>", "&nbsp;", "&custom;", "<!---->", "<?target?>");
    }

    /** Replace (0), insert (1) or delete (2) one byte at a relative position. */
    private record Mutation(int kind, double position, byte value) {
        byte[] apply(byte[] input) {
            if (input.length == 0) {
                return new byte[]{value};
            }
            int at = Math.min(input.length - 1, (int) (position * input.length));
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + 1);
            out.write(input, 0, at);
            if (kind == 0 || kind == 1) {
                out.write(value);
            }
            out.write(input, kind == 1 ? at : at + 1, input.length - (kind == 1 ? at : at + 1));
            return out.toByteArray();
        }
    }
}
