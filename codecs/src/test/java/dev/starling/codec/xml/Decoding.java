package dev.starling.codec.xml;

import io.vavr.collection.List;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;

/** Test helper: runs bytes through a decoder in chunks and collects every event. */
final class Decoding {

    private Decoding() {
    }

    static List<StreamEvent> decode(XmlStreamDecoder decoder, byte[] bytes, int chunkSize, boolean endOfInput) {
        List<StreamEvent> events = List.empty();
        for (int i = 0; i < bytes.length; i += chunkSize) {
            decoder.feed(bytes, i, Math.min(chunkSize, bytes.length - i));
            events = events.appendAll(drain(decoder));
        }
        if (endOfInput) {
            decoder.endOfInput();
            events = events.appendAll(drain(decoder));
        }
        return events;
    }

    static List<StreamEvent> decode(String xml) {
        return decode(new XmlStreamDecoder(), xml.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE, false);
    }

    static List<StreamEvent> drain(XmlStreamDecoder decoder) {
        List<StreamEvent> events = List.empty();
        for (Option<StreamEvent> e = decoder.next(); e.isDefined(); e = decoder.next()) {
            events = events.append(e.get());
        }
        return events;
    }
}
