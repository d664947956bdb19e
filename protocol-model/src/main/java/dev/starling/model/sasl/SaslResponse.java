package dev.starling.model.sasl;

import dev.starling.model.Bytes;
import dev.starling.model.stream.StreamElement;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * {@code <response/>}, RFC 6120 §6.4.3: data from the initiating entity. {@code none} is an element without character data;
 * {@code some(empty)} is the explicit zero-length form {@code =}.
 *
 * @param data the response, if any
 */
public record SaslResponse(Option<Bytes> data) implements StreamElement {

    public SaslResponse {
        Objects.requireNonNull(data, "data");
    }
}
