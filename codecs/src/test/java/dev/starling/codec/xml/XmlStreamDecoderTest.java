package dev.starling.codec.xml;

import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.stream.StreamErrorCondition;
import dev.starling.model.stream.StreamVersion;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static dev.starling.codec.xml.Decoding.decode;
import static org.assertj.core.api.Assertions.assertThat;

class XmlStreamDecoderTest {

    static final String HEADER = "<?xml version='1.0'?><stream:stream from='juliet@im.example.com' to='im.example.com'"
            + " version='1.0' xml:lang='en' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

    @Test
    void reportsHeaderElementsAndCloseInOrder() {
        List<StreamEvent> events = decode(HEADER
                + "<message to='romeo@example.net' type='chat'><body>h&amp;i &#65;</body></message> \n"
                + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/></stream:features>"
                + "</stream:stream>");

        assertThat(events).hasSize(4);
        var header = ((StreamEvent.StreamOpened) events.get(0)).header();
        assertThat(header.from()).contains(Jid.of("juliet@im.example.com"));
        assertThat(header.to()).contains(Jid.of("im.example.com"));
        assertThat(header.version()).contains(StreamVersion.V1_0);
        assertThat(header.lang()).contains("en");
        assertThat(header.contentNamespace()).isEqualTo(Namespaces.CLIENT);

        Element message = ((StreamEvent.TopLevelElement) events.get(1)).element();
        assertThat(message.name().namespace()).isEqualTo(Namespaces.CLIENT);
        assertThat(message.attribute("type")).contains("chat");
        assertThat(message.element(Namespaces.CLIENT, "body").get().text()).isEqualTo("h&i A");

        Element features = ((StreamEvent.TopLevelElement) events.get(2)).element();
        assertThat(features.is(Namespaces.STREAMS, "features")).isTrue();
        assertThat(features.element(Namespaces.TLS, "starttls").isDefined()).isTrue();
        assertThat(events.get(3)).isInstanceOf(StreamEvent.StreamClosed.class);
    }

    /** RFC 6120 §4.8.2: a prefix-free header declares no content namespace; each element names its own. */
    @Test
    void acceptsThePrefixFreeForm() {
        List<StreamEvent> events = decode("<stream from='example.net' to='im.example.com' version='1.0'"
                + " xmlns='http://etherx.jabber.org/streams'><features xmlns='http://etherx.jabber.org/streams'/>"
                + "<message xmlns='jabber:server' from='romeo@example.net' to='juliet@im.example.com'/></stream>");

        assertThat(events).hasSize(4);
        var header = ((StreamEvent.StreamOpened) events.get(0)).header();
        assertThat(header.contentNamespace()).isEmpty();
        assertThat(header.admits(Namespaces.SERVER)).isTrue();
        assertThat(((StreamEvent.TopLevelElement) events.get(1)).element().is(Namespaces.STREAMS, "features")).isTrue();
        assertThat(((StreamEvent.TopLevelElement) events.get(2)).element().name().namespace()).isEqualTo(Namespaces.SERVER);
        assertThat(events.get(3)).isInstanceOf(StreamEvent.StreamClosed.class);
    }

    @Test
    void reportsEverythingBeforeAFailureInTheSameChunk() {
        List<StreamEvent> events = decode(HEADER + "<message/><!-- late --><presence/>");
        assertThat(events).hasSize(3);
        assertThat(events.get(1)).isInstanceOf(StreamEvent.TopLevelElement.class);
        assertThat(((StreamEvent.StreamFailed) events.get(2)).error().describe()).contains("comments are not allowed");
    }

    @Test
    void reportsEachElementAsSoonAsItsEndTagArrives() {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        assertThat(Decoding.decode(decoder, (HEADER + "<presence/><iq id='1' type='get'>").getBytes(StandardCharsets.UTF_8),
                1 << 16, false)).hasSize(2);
        assertThat(Decoding.decode(decoder, "<ping xmlns='urn:xmpp:ping'/></iq>".getBytes(StandardCharsets.UTF_8),
                1 << 16, false)).singleElement().isInstanceOf(StreamEvent.TopLevelElement.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "DTD                 | <?xml version='1.0'?><!DOCTYPE stream:stream>                     | restricted-xml",
            "entity bomb         | <!DOCTYPE s [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;'>]>               | restricted-xml",
            "comment in prolog   | <!-- hello -->                                                    | restricted-xml",
            "comment             | HEADER<message><!-- hello --></message>                           | restricted-xml",
            "PI                  | HEADER<?php echo 1 ?>                                             | restricted-xml",
            "entity reference    | HEADER<message><body>&nbsp;</body></message>                      | restricted-xml",
            "latin-1 declared    | <?xml version='1.0' encoding='ISO-8859-1'?><stream:stream/>       | unsupported-encoding",
            "unbound prefix      | HEADER<foo:bar/>                                                  | not-well-formed",
            "mismatched tags     | HEADER<message></presence>                                        | not-well-formed",
            "duplicate attribute | HEADER<message id='a' id='b'/>                                    | not-well-formed",
            "text at top level   | HEADER hello <message/>                                           | bad-format",
            "wrong namespace     | <stream:stream xmlns:stream='urn:wrong'>                          | invalid-namespace",
            "wrong prefix        | <s:stream xmlns:s='http://etherx.jabber.org/streams'>             | bad-namespace-prefix",
            "wrong root          | <stream:open xmlns:stream='http://etherx.jabber.org/streams'>     | bad-format",
            "bad header JID      | <stream:stream to='a@b@c' xmlns:stream='http://etherx.jabber.org/streams'> | improper-addressing",
            "bad version         | <stream:stream version='one' xmlns:stream='http://etherx.jabber.org/streams'> | unsupported-version",
    })
    void answersBadInputWithTheRightStreamError(String name, String xml, String condition) {
        List<StreamEvent> events = decode(xml.replace("HEADER", HEADER));
        assertThat(events.last()).isInstanceOfSatisfying(StreamEvent.StreamFailed.class,
                failed -> assertThat(failed.error().condition().wireName()).isEqualTo(condition));
    }

    @Test
    void refusesInvalidUtf8AndByteOrderMarks() {
        byte[] invalid = (HEADER + "<message><body>X</body></message>").getBytes(StandardCharsets.UTF_8);
        invalid[invalid.length - 18] = (byte) 0xC3;
        invalid[invalid.length - 17] = (byte) 0x28;
        assertFailure(Decoding.decode(new XmlStreamDecoder(), invalid, 7, false), StreamErrorCondition.UNSUPPORTED_ENCODING);

        byte[] lone = (HEADER + "<message><body>X</body></message>").getBytes(StandardCharsets.UTF_8);
        lone[lone.length - 17] = (byte) 0xFF;
        assertFailure(Decoding.decode(new XmlStreamDecoder(), lone, 64, false), StreamErrorCondition.UNSUPPORTED_ENCODING);

        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<'};
        assertFailure(Decoding.decode(new XmlStreamDecoder(), bom, 4, false), StreamErrorCondition.UNSUPPORTED_ENCODING);
        byte[] utf16 = {(byte) 0xFE, (byte) 0xFF, 0, '<'};
        assertFailure(Decoding.decode(new XmlStreamDecoder(), utf16, 4, false), StreamErrorCondition.UNSUPPORTED_ENCODING);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
            "c0bc, text", "c0bc, attribute", "c080, text", "e08080, attribute", "e09fbf, text",
            "f0808080, text", "f4908080, attribute", "eda080, text", "c3, text", "80, attribute"})
    void refusesOverlongAndOutOfRangeUtf8ThatAaltoWouldDecode(String hex, String where) {
        // Aalto 1.4.0 decodes C0 BC as '<', E0 80 80 as U+0000, F4 90 80 80 as a pair of lone surrogates...
        byte[] sequence = java.util.HexFormat.of().parseHex(hex);
        String open = HEADER + (where.equals("text") ? "<message><body>" : "<message id='");
        String close = where.equals("text") ? "</body></message>" : "'/>";
        byte[] bytes = new byte[open.length() + sequence.length + close.length()];
        System.arraycopy(open.getBytes(StandardCharsets.UTF_8), 0, bytes, 0, open.length());
        System.arraycopy(sequence, 0, bytes, open.length(), sequence.length);
        System.arraycopy(close.getBytes(StandardCharsets.UTF_8), 0, bytes, open.length() + sequence.length, close.length());
        for (int chunk : new int[]{1, 3, 4096}) {
            assertFailure(Decoding.decode(new XmlStreamDecoder(), bytes, chunk, false), StreamErrorCondition.UNSUPPORTED_ENCODING);
        }
    }

    @Test
    void aStreamCutOffAfterEndOfInputIsAnErrorNotAHang() {
        List<StreamEvent> events = Decoding.decode(new XmlStreamDecoder(),
                (HEADER + "<message><body>half").getBytes(StandardCharsets.UTF_8), 5, true);
        assertFailure(events, StreamErrorCondition.NOT_WELL_FORMED);
    }

    @Test
    void aClosedStreamFollowedByEndOfInputIsClean() {
        List<StreamEvent> events = Decoding.decode(new XmlStreamDecoder(),
                (HEADER + "</stream:stream>").getBytes(StandardCharsets.UTF_8), 3, true);
        assertThat(events.last()).isInstanceOf(StreamEvent.StreamClosed.class);
    }

    @Test
    void enforcesTheStanzaSizeLimit() {
        DecoderLimits limits = DecoderLimits.DEFAULT.withMaxStanzaBytes(16 * 1024);
        String within = "<message><body>" + "x".repeat(12 * 1024) + "</body></message>";
        String beyond = "<message><body>" + "x".repeat(20 * 1024) + "</body></message>";
        assertThat(Decoding.decode(new XmlStreamDecoder(limits), (HEADER + within + within).getBytes(StandardCharsets.UTF_8), 4096, false))
                .hasSize(3).allMatch(e -> !(e instanceof StreamEvent.StreamFailed));
        assertFailure(Decoding.decode(new XmlStreamDecoder(limits), (HEADER + beyond).getBytes(StandardCharsets.UTF_8), 4096, false),
                StreamErrorCondition.POLICY_VIOLATION);
    }

    @Test
    void boundsAStartTagThatNeverEnds() {
        DecoderLimits limits = DecoderLimits.DEFAULT.withMaxStanzaBytes(8 * 1024);
        String endless = "<message a='" + "x".repeat(64 * 1024);
        assertFailure(Decoding.decode(new XmlStreamDecoder(limits), (HEADER + endless).getBytes(StandardCharsets.UTF_8), 1000, false),
                StreamErrorCondition.POLICY_VIOLATION);
    }

    @Test
    void enforcesDepthAttributeAndTextLimits() {
        String deep = "<a>".repeat(10_000);
        assertFailure(decode(HEADER + deep), StreamErrorCondition.POLICY_VIOLATION);

        StringBuilder attributes = new StringBuilder("<message");
        for (int i = 0; i < 65; i++) {
            attributes.append(" a").append(i).append("='v'");
        }
        assertFailure(decode(HEADER + attributes + "/>"), StreamErrorCondition.POLICY_VIOLATION);

        XmlStreamDecoder small = new XmlStreamDecoder(DecoderLimits.DEFAULT.withMaxTextChars(100));
        assertFailure(Decoding.decode(small, (HEADER + "<message><body>" + "y".repeat(101) + "</body></message>")
                .getBytes(StandardCharsets.UTF_8), 7, false), StreamErrorCondition.POLICY_VIOLATION);
    }

    @Test
    void failureNamesTheLimit() {
        List<StreamEvent> events = decode(HEADER + "<a>".repeat(100));
        assertThat(((StreamEvent.StreamFailed) events.last()).error().describe()).contains("limit of 64");
    }

    @Test
    void reportsNothingAfterAFailure() {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        assertFailure(Decoding.decode(decoder, (HEADER + "<!-- x -->").getBytes(StandardCharsets.UTF_8), 100, false),
                StreamErrorCondition.RESTRICTED_XML);
        assertThat(Decoding.decode(decoder, "<message/>".getBytes(StandardCharsets.UTF_8), 100, false)).isEmpty();
    }

    @Test
    void restartBeginsANewStreamAndDiscardsInputReceivedBeforeIt() {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        byte[] first = (HEADER + "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/><message>injected</message>")
                .getBytes(StandardCharsets.UTF_8);
        decoder.feed(first);
        assertThat(decoder.next().get()).isInstanceOf(StreamEvent.StreamOpened.class);
        assertThat(decoder.next().get()).isInstanceOf(StreamEvent.TopLevelElement.class);
        assertThat(decoder.restart()).isTrue();
        assertThat(decoder.next()).isEmpty();

        List<StreamEvent> after = Decoding.decode(decoder, (HEADER + "<presence/>").getBytes(StandardCharsets.UTF_8), 9, false);
        assertThat(after).hasSize(2);
        assertThat(after.get(0)).isInstanceOf(StreamEvent.StreamOpened.class);
    }

    @Test
    void supplementaryCharactersSurviveEveryChunkingEvenInAttributes() {
        // aalto-xml 1.4.0 reads U+1F600 as U+F600 in an attribute value when its bytes arrive in separate feeds
        String xml = HEADER + "<message id='\ud83d\ude00\u4e2d\u00e9'><body>\ud83d\ude00</body></message>";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk <= 5; chunk++) {
            List<StreamEvent> events = Decoding.decode(new XmlStreamDecoder(), bytes, chunk, false);
            Element message = ((StreamEvent.TopLevelElement) events.get(1)).element();
            assertThat(message.attribute("id")).as("chunk size %d", chunk).contains("\ud83d\ude00\u4e2d\u00e9");
            assertThat(message.element(Namespaces.CLIENT, "body").get().text()).isEqualTo("\ud83d\ude00");
        }
    }

    /** Text longer than a parser slice arrives in several events; each run reaches its element whole and in document order. */
    @Test
    void longTextAroundChildrenIsKeptWholeAndInOrderForEveryChunking() {
        String before = "a&lt;".repeat(2_000) + "b".repeat(XmlStreamDecoder.SLICE_BYTES);
        String after = "\u00e9".repeat(3 * XmlStreamDecoder.SLICE_BYTES);
        String xml = HEADER + "<message><x xmlns='urn:example'>" + before + "<y>" + after + "</y>" + after + "</x></message>"
                + "<message><x xmlns='urn:example'>" + "z".repeat(5_000) + "</x></message>";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {7, 1000, 4096, 5000, Integer.MAX_VALUE}) {
            List<StreamEvent> events = Decoding.decode(new XmlStreamDecoder(), bytes, chunk, false);
            Element x = ((StreamEvent.TopLevelElement) events.get(1)).element().element("urn:example", "x").get();
            String expectedBefore = "a<".repeat(2_000) + "b".repeat(XmlStreamDecoder.SLICE_BYTES);
            assertThat(x.children()).as("chunk size %d", chunk).hasSize(3);
            assertThat(x.children().get(0)).isEqualTo(new dev.starling.model.element.Text(expectedBefore));
            assertThat(x.element("urn:example", "y").get().text()).isEqualTo(after);
            assertThat(x.children().get(2)).isEqualTo(new dev.starling.model.element.Text(after));
            Element next = ((StreamEvent.TopLevelElement) events.get(2)).element().element("urn:example", "x").get();
            assertThat(next.text()).as("no text carried into the next stanza").isEqualTo("z".repeat(5_000));
        }
    }

    @Test
    void feedingBeforeDrainingIsAProgrammingError() {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        decoder.feed(HEADER.getBytes(StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> decoder.feed(new byte[1]));
    }

    /** An idle stream holds no parser; what follows decodes in the root's namespaces, including prefixes it declared. */
    @Test
    void releasesTheParserBetweenTopLevelElementsAndResumesInTheRootsNamespaces() {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        String header = "<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'"
                + " xmlns:db='jabber:server:dialback' xmlns:odd=\"urn:x:it's&amp;&lt;\" version='1.0'>";
        assertThat(feedAll(decoder, header)).hasSize(1);
        assertThat(decoder.holdsParser()).isFalse();

        List<StreamEvent> events = feedAll(decoder, "<db:result from='a.example' to='b.example'>key</db:result>"
                + "<odd:x/><message to='romeo@b.example'/>");
        assertThat(decoder.holdsParser()).isFalse();
        assertThat(events.map(e -> ((StreamEvent.TopLevelElement) e).element().name().toString())).containsExactly(
                "{jabber:server:dialback}result", "{urn:x:it's&<}x", "{jabber:server}message");
        assertThat(((StreamEvent.TopLevelElement) events.get(0)).element().text()).isEqualTo("key");
    }

    /** Half an element, or half a character, keeps the parser; whitespace keepalives do not. */
    @Test
    void keepsTheParserOnlyWhileAnElementIsIncomplete() {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        feedAll(decoder, HEADER);
        assertThat(feedAll(decoder, "<message><bo")).isEmpty();
        assertThat(decoder.holdsParser()).isTrue();
        assertThat(feedAll(decoder, "dy>caf\u00c3")).isEmpty();
        assertThat(decoder.holdsParser()).isTrue();
        List<StreamEvent> events = feedAll(decoder, "\u00a9</body></message>");
        assertThat(decoder.holdsParser()).isFalse();
        assertThat(((StreamEvent.TopLevelElement) events.single()).element().element(Namespaces.CLIENT, "body").get().text())
                .isEqualTo("caf\u00e9");
        assertThat(feedAll(decoder, " \n ")).isEmpty();
        assertThat(decoder.holdsParser()).isFalse();
        assertThat(feedAll(decoder, "</stream:stream>").single()).isInstanceOf(StreamEvent.StreamClosed.class);
    }

    /** Bytes as ISO-8859-1 characters (the tests above spell UTF-8 sequences byte by byte). */
    private static List<StreamEvent> feedAll(XmlStreamDecoder decoder, String latin1) {
        decoder.feed(latin1.getBytes(StandardCharsets.ISO_8859_1));
        List<StreamEvent> events = List.empty();
        for (var event = decoder.next(); event.isDefined(); event = decoder.next()) {
            events = events.append(event.get());
        }
        return events;
    }

    private static void assertFailure(List<StreamEvent> events, StreamErrorCondition condition) {
        assertThat(events).isNotEmpty();
        assertThat(events.last()).isInstanceOfSatisfying(StreamEvent.StreamFailed.class,
                failed -> assertThat(failed.error().condition()).isEqualTo(condition));
    }
}
