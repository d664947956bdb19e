package dev.starling.model.sasl;

import dev.starling.model.Bytes;
import dev.starling.model.stream.StreamElement;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * {@code <auth/>}, RFC 6120 §6.4.2: selects a mechanism and may carry an initial response.
 * {@code none} means no initial response (an empty element); {@code some(empty)} means a
 * zero-length initial response (sent as {@code =}).
 *
 * @param mechanism       the selected mechanism name
 * @param initialResponse the initial response, if any
 */
public record SaslAuth(String mechanism, Option<Bytes> initialResponse) implements StreamElement {

    public SaslAuth {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(initialResponse, "initialResponse");
    }
}
