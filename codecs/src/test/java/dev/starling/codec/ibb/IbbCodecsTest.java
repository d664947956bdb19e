package dev.starling.codec.ibb;

import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlStreamDecoder;
import dev.starling.model.Bytes;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.ibb.InBandBytestream;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.control.Either;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class IbbCodecsTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final String HEADER = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";
    private static final String NS = " xmlns='http://jabber.org/protocol/ibb'";

    @Test
    void roundTripsEachElement() {
        for (InBandBytestream ibb : new InBandBytestream[]{
                new InBandBytestream.Open(65535, "s1", InBandBytestream.Carrier.MESSAGE),
                new InBandBytestream.Data(65535, "s1", Bytes.of(new byte[]{0, -1, 42, 7})),
                new InBandBytestream.Data(0, "s1", Bytes.empty()),
                new InBandBytestream.Close("s1")}) {
            Element encoded = REGISTRY.encode(ibb, Namespaces.CLIENT);
            assertThat(REGISTRY.decodePayload(element(new dev.starling.codec.xml.XmlEncoder().toXml(encoded)), Namespaces.CLIENT).get())
                    .isEqualTo(ibb);
        }
    }

    @Test
    void readsWhitespaceBetweenBase64CharactersAsFormattingAndTheStanzaAttributeAsIqByDefault() {
        assertThat(decode("<data" + NS + " seq='1' sid='s'>\n  AAEC\n  Aw==\n</data>").get())
                .isEqualTo(new InBandBytestream.Data(1, "s", Bytes.of(new byte[]{0, 1, 2, 3})));
        assertThat(decode("<open" + NS + " sid='s' block-size='4096'/>").get())
                .isEqualTo(new InBandBytestream.Open(4096, "s", InBandBytestream.Carrier.IQ));
    }

    /** XEP-0047 §8: characters outside the alphabet and padding before the end are refused, not skipped. */
    @ParameterizedTest
    @ValueSource(strings = {"=AAA", "BBBB=CCC", "AA*A", "AAA", "AA==AA==", "QUJD!", "AAAA===="})
    void refusesDataThatIsNotStrictBase64(String data) {
        assertThat(decode("<data" + NS + " seq='0' sid='s'>" + data + "</data>").getLeft().condition())
                .isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<open" + NS + " sid='s' block-size='65536'/>",
        "<open" + NS + " sid='s' block-size='0'/>",
        "<open" + NS + " sid='s' block-size='-1'/>",
        "<open" + NS + " sid='s'/>",
        "<open" + NS + " block-size='4096'/>",
        "<open" + NS + " sid='s' block-size='4096' stanza='presence'/>",
        "<data" + NS + " sid='s' seq='65536'>AAAA</data>",
        "<data" + NS + " sid='s'>AAAA</data>",
        "<data" + NS + " seq='0'>AAAA</data>",
        "<close" + NS + "/>"})
    void refusesMissingOrOutOfRangeAttributes(String xml) {
        assertThat(decode(xml).getLeft().condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    }

    private static Either<CodecError, InBandBytestream> decode(String xml) {
        return REGISTRY.decodePayload(element(xml), Namespaces.CLIENT).map(InBandBytestream.class::cast);
    }

    private static Element element(String xml) {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        decoder.feed((HEADER + xml).getBytes(StandardCharsets.UTF_8));
        decoder.next();
        return ((StreamEvent.TopLevelElement) decoder.next().get()).element();
    }
}
