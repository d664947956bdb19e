package dev.starling.model.sasl;

import dev.starling.model.Bytes;
import dev.starling.model.stream.StreamElement;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * {@code <success/>}, RFC 6120 §6.4.6: authentication succeeded, with optional additional data (e.g. the SCRAM server signature). {@code none} is an element without character data;
 * {@code some(empty)} is the explicit zero-length form {@code =}.
 *
 * @param data the additional data, if any
 */
public record SaslSuccess(Option<Bytes> data) implements StreamElement {

    public SaslSuccess {
        Objects.requireNonNull(data, "data");
    }
}
