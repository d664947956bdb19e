package dev.starling.model.sasl;

import dev.starling.model.stream.StreamElement;

/** {@code <abort/>}: the initiating entity abandons the SASL exchange, RFC 6120 §6.4.4. */
public record SaslAbort() implements StreamElement {
}
