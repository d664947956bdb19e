package dev.starling.model.sasl;

import dev.starling.model.LocalizedText;
import dev.starling.model.stream.StreamElement;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * {@code <failure/>} in the SASL namespace, RFC 6120 §6.4.5.
 *
 * @param condition the failure condition (§6.5)
 * @param text      the optional descriptive text
 */
public record SaslFailure(SaslFailureCondition condition, Option<LocalizedText> text) implements StreamElement {

    public SaslFailure {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(text, "text");
    }

    /** A failure with only a condition. */
    public static SaslFailure of(SaslFailureCondition condition) {
        return new SaslFailure(condition, Option.none());
    }
}
