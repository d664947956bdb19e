package dev.starling.codec.xml;

import dev.starling.model.element.Element;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamHeader;

/** What an {@link XmlStreamDecoder} reports, one event at a time, in stream order. */
public sealed interface StreamEvent {

    /**
     * The peer's stream header arrived (RFC 6120 §4.7).
     *
     * @param header the header's attributes and content namespace
     */
    record StreamOpened(StreamHeader header) implements StreamEvent {
    }

    /**
     * A complete top-level element arrived (a stanza or any other child of the stream root),
     * reported as soon as its end tag was read.
     *
     * @param element the element, with every namespace resolved
     */
    record TopLevelElement(Element element) implements StreamEvent {
    }

    /** The peer closed its stream with {@code </stream:stream>} (RFC 6120 §4.4). */
    record StreamClosed() implements StreamEvent {
    }

    /**
     * The input broke the rules and the stream must end with this error (RFC 6120 §4.9). The
     * decoder reports nothing after it until {@link XmlStreamDecoder#restart()}.
     *
     * @param error the stream error to send to the peer
     */
    record StreamFailed(StreamError error) implements StreamEvent {
    }
}
