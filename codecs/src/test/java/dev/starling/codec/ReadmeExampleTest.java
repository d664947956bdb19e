package dev.starling.codec;

import dev.starling.codec.xml.DecoderLimits;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEncoder;
import dev.starling.codec.xml.XmlStreamDecoder;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import dev.starling.model.stream.StreamElement;
import dev.starling.model.stream.StreamError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Using the codec" sample, compiled and run as written. */
class ReadmeExampleTest {

    @Test
    void theReadmeSampleWorksAsWritten() {
        byte[] bytesFromTheSocket = ("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
                + "<message to='juliet@example.com'><body>hi</body></message><!-- no -->").getBytes(StandardCharsets.UTF_8);
        List<Object> seen = new ArrayList<>();

        XmlStreamDecoder decoder = new XmlStreamDecoder(DecoderLimits.DEFAULT);
        CodecRegistry registry = CodecRegistry.core();

        decoder.feed(bytesFromTheSocket);
        for (Option<StreamEvent> next = decoder.next(); next.isDefined(); next = decoder.next()) {
            StreamEvent event = next.get();
            if (event instanceof StreamEvent.TopLevelElement top) {
                Either<CodecError, StreamElement> decoded = registry.decodeTopLevel(top.element(), Namespaces.CLIENT);
                seen.add(decoded.get());
            } else if (event instanceof StreamEvent.StreamFailed failed) {
                StreamError error = failed.error();
                seen.add(error.condition());
            }
        }

        XmlEncoder encoder = new XmlEncoder();
        Element message = registry.encode(Message.chat(Jid.of("romeo@example.net"), "art thou"), Namespaces.CLIENT);
        byte[] out = encoder.encode(message, Namespaces.CLIENT);

        assertThat(seen).hasSize(2);
        assertThat(((Message) seen.get(0)).body()).contains("hi");
        assertThat(seen.get(1)).hasToString("RESTRICTED_XML");
        assertThat(new String(out, StandardCharsets.UTF_8))
                .isEqualTo("<message to=\"romeo@example.net\" type=\"chat\"><body>art thou</body></message>");
    }
}
