package dev.starling.conformance.properties;

import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlStreamDecoder;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: decodes bytes with given chunk boundaries and counts every call. */
final class StreamBytes {

    static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' to='example.com' version='1.0'>";

    private StreamBytes() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes the bytes, cutting them after each size in {@code chunkSizes} (cycled), then signals
     * end of input. Fails if the decoder ever reports more events than bytes plus two, which
     * would mean it is stuck repeating itself.
     */
    static List<StreamEvent> decode(byte[] bytes, List<Integer> chunkSizes) {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        List<StreamEvent> events = new ArrayList<>();
        int position = 0;
        int index = 0;
        while (position < bytes.length) {
            int size = Math.max(1, Math.min(chunkSizes.isEmpty() ? bytes.length : chunkSizes.get(index++ % chunkSizes.size()),
                    bytes.length - position));
            decoder.feed(bytes, position, size);
            position += size;
            drain(decoder, events, bytes.length);
        }
        decoder.endOfInput();
        drain(decoder, events, bytes.length);
        return events;
    }

    private static void drain(XmlStreamDecoder decoder, List<StreamEvent> events, int limit) {
        for (Option<StreamEvent> e = decoder.next(); e.isDefined(); e = decoder.next()) {
            events.add(e.get());
            if (events.size() > limit + 2) {
                throw new AssertionError("the decoder keeps reporting events: " + events.subList(0, 5));
            }
        }
    }
}
