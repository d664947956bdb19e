package dev.starling.model.form;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * An {@code <option/>} of a list-single or list-multi field, XEP-0004 §3.2: exactly one value and
 * an optional human-readable label.
 *
 * @param label the {@code label} attribute
 * @param value the character data of the option's {@code <value/>}
 */
public record FieldOption(Option<String> label, String value) {

    public FieldOption {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }
}
