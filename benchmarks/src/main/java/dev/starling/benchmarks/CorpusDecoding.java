package dev.starling.benchmarks;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlStreamDecoder;
import dev.starling.model.element.Element;
import dev.starling.model.stream.StreamElement;
import io.vavr.control.Option;
import org.jivesoftware.smack.packet.Stanza;

import java.util.ArrayList;
import java.util.List;

/** Decodes {@link StanzaCorpus} once, outside any measurement, for setups and checks. */
final class CorpusDecoding {

    private CorpusDecoding() {
    }

    /** Every top-level element, through Starling's decoder; fails on a stream error. */
    static List<Element> elements(StanzaCorpus corpus) {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        decoder.feed(corpus.bytes());
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
    static List<StreamElement> typed(StanzaCorpus corpus, CodecRegistry registry) {
        List<StreamElement> typed = new ArrayList<>();
        for (Element element : elements(corpus)) {
            typed.add(registry.decodeTopLevel(element, StanzaCorpus.CONTENT_NAMESPACE)
                    .getOrElseThrow(error -> new IllegalStateException(error + " in " + element)));
        }
        return typed;
    }

    /** Every stanza as Smack parses it from the stream (see {@link SmackStream}). */
    static List<Stanza> smack(StanzaCorpus corpus) throws Exception {
        List<Stanza> stanzas = new ArrayList<>();
        SmackStream.parse(corpus.bytes(), corpus.totalBytes(), stanzas::add);
        return stanzas;
    }
}
