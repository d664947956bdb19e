package dev.starling.model.tls;

import dev.starling.model.stream.StreamElement;

/** {@code <failure/>} in the TLS namespace: STARTTLS cannot proceed, RFC 6120 §5.4.2.2. */
public record TlsFailure() implements StreamElement {
}
