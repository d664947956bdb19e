package dev.starling.model.tls;

import dev.starling.model.stream.StreamElement;

/** {@code <proceed/>}: the receiving entity agrees to STARTTLS, RFC 6120 §5.4.2.3. */
public record TlsProceed() implements StreamElement {
}
