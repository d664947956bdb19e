package dev.starling.model.sasl;

import dev.starling.model.Extension;
import io.vavr.collection.Seq;

import java.util.Objects;

/**
 * The SASL stream feature, RFC 6120 §6.4.1: {@code <mechanisms/>} listing the mechanism names
 * the receiving entity offers, in its order of preference.
 *
 * @param names the mechanism names (e.g. {@code SCRAM-SHA-256-PLUS}, {@code PLAIN})
 */
public record SaslMechanisms(Seq<String> names) implements Extension {

    public SaslMechanisms {
        Objects.requireNonNull(names, "names");
    }
}
