package dev.starling.conformance.corpus;

import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlStreamDecoder;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;

/** Feeds an example part through Starling's stream decoder, inside a stream if it has none. */
public final class StreamReplay {

    public static final String CLIENT_HEADER = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
            + " xmlns:db='jabber:server:dialback' version='1.0'>";

    private StreamReplay() {
    }

    /** Every event the decoder reports for the part, in chunks of {@code chunkSize} bytes. */
    public static List<StreamEvent> events(String part, String header, int chunkSize) {
        String body = part.strip();
        String withoutDeclaration = body.startsWith("<?xml") ? body.substring(body.indexOf("?>") + 2).strip() : body;
        boolean hasHeader = withoutDeclaration.matches("(?s)^<(?:[A-Za-z_][A-Za-z0-9_.-]*:)?stream[\\s/>].*");
        // inside a synthetic stream an XML declaration would be a misplaced processing instruction
        byte[] bytes = (hasHeader ? body : header + withoutDeclaration).getBytes(StandardCharsets.UTF_8);
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        List<StreamEvent> events = List.empty();
        for (int i = 0; i < bytes.length; i += chunkSize) {
            decoder.feed(bytes, i, Math.min(chunkSize, bytes.length - i));
            for (Option<StreamEvent> e = decoder.next(); e.isDefined(); e = decoder.next()) {
                events = events.append(e.get());
            }
        }
        return events;
    }
}
