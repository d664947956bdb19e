package dev.starling.model.tls;

import dev.starling.model.stream.StreamElement;

/** The initiating entity's {@code <starttls/>} command, RFC 6120 §5.4.2.1. */
public record StartTls() implements StreamElement {
}
