package dev.starling.benchmarks;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlStreamDecoder;
import dev.starling.model.element.Element;
import dev.starling.model.stream.StreamElement;
import io.vavr.control.Option;
import org.jivesoftware.smack.packet.Stanza;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes whole streams (the corpus, or what an encoder produced) in one go, outside any
 * measurement, for benchmark setups and checks.
 */
final class CorpusDecoding {

    private CorpusDecoding() {
    }

    /** The stanzas, UTF-8 encoded, between the corpus' stream header and closing tag. */
    static byte[] asStream(List<byte[]> stanzas) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(StanzaCorpus.STREAM_HEADER.getBytes(StandardCharsets.UTF_8));
        stanzas.forEach(out::writeBytes);
        out.writeBytes(StanzaCorpus.STREAM_FOOTER.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Every top-level element, through Starling's decoder; fails on a stream error. */
    static List<Element> elements(byte[] stream) {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        decoder.feed(stream);
        List<Element> elements = new ArrayList<>();
        for (Option<StreamEvent> event = decoder.next(); event.isDefined(); event = decoder.next()) {
            if (event.get() instanceof StreamEvent.TopLevelElement top) {
                elements.add(top.element());
            } else if (!(event.get() instanceof StreamEvent.StreamOpened || event.get() instanceof StreamEvent.StreamClosed)) {
                throw new IllegalStateException("unexpected event " + event.get());
            }
        }
        return elements;
    }

    /** Every stanza as the registry's typed value; fails on a codec error. */
    static List<StreamElement> typed(byte[] stream, CodecRegistry registry) {
        List<StreamElement> typed = new ArrayList<>();
        for (Element element : elements(stream)) {
            typed.add(registry.decodeTopLevel(element, StanzaCorpus.CONTENT_NAMESPACE)
                    .getOrElseThrow(error -> new IllegalStateException(error + " in " + element)));
        }
        return typed;
    }

    /** Every stanza as Smack parses it from the stream (see {@link SmackStream}). */
    static List<Stanza> smack(byte[] stream) throws Exception {
        List<Stanza> stanzas = new ArrayList<>();
        SmackStream.parse(stream, stream.length, stanzas::add);
        return stanzas;
    }
}
