package dev.starling.model;

/**
 * A value that travels as a child element of a stanza or of a stream-level element: either a
 * typed record that a codec knows, or a generic {@link dev.starling.model.element.Element} that
 * nobody registered (kept and re-sent unchanged).
 */
public interface Extension {
}
