package dev.starling.model.disco;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * An {@code <identity/>} of a disco#info result, XEP-0030 §3.1: a category and type from the
 * XSF registry (e.g. {@code server/im}, {@code client/pc}, {@code proxy/bytestreams}).
 *
 * @param category the category
 * @param type     the type within the category
 * @param name     a human-readable name
 * @param lang     the {@code xml:lang} of the name
 */
public record Identity(String category, String type, Option<String> name, Option<String> lang) {

    public Identity {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lang, "lang");
    }

    /** An identity with a name and no language. */
    public static Identity of(String category, String type, String name) {
        return new Identity(category, type, Option.some(name), Option.none());
    }
}
