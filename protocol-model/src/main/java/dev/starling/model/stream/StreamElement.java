package dev.starling.model.stream;

/**
 * A value that travels as a top-level element of an XML stream (a child of the stream root,
 * RFC 6120 §4.1): stanzas, stream features, stream errors, STARTTLS and SASL elements, and any
 * {@link dev.starling.model.element.Element} nobody registered.
 */
public interface StreamElement {
}
