package dev.starling.model.stream;

import dev.starling.model.jid.Jid;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The opening {@code <stream:stream>} tag, RFC 6120 §4.7: its attributes and the content
 * namespace it declares as default (§4.8.2). Whether the values are acceptable is decided by
 * the stream negotiation machine, not here.
 *
 * @param from             the {@code from} attribute (§4.7.1)
 * @param to               the {@code to} attribute (§4.7.2)
 * @param id               the {@code id} attribute (§4.7.3), set by the receiving entity
 * @param version          the {@code version} attribute (§4.7.5); absent means pre-1.0
 * @param lang             the {@code xml:lang} attribute (§4.7.4)
 * @param contentNamespace the default namespace declared on the header (§4.8.2), e.g.
 *                         {@code jabber:client}; empty when none was declared, as in the
 *                         prefix-free form {@code <stream xmlns='http://etherx.jabber.org/streams'>}
 */
public record StreamHeader(Option<Jid> from, Option<Jid> to, Option<String> id, Option<StreamVersion> version,
                           Option<String> lang, String contentNamespace) {

    public StreamHeader {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(contentNamespace, "contentNamespace");
    }

    /** A version 1.0 header in the given content namespace with no other attributes. */
    public static StreamHeader of(String contentNamespace) {
        return new StreamHeader(Option.none(), Option.none(), Option.none(), Option.some(StreamVersion.V1_0),
                Option.none(), contentNamespace);
    }

    /**
     * Whether first-level elements in {@code namespace} belong on this stream: it declares that
     * namespace as default, or none at all (prefix-free canonicalization, where each element
     * names its own namespace; RFC 6120 §4.8.2 accepts both styles).
     */
    public boolean admits(String namespace) {
        return contentNamespace.isEmpty() || contentNamespace.equals(namespace);
    }

    public StreamHeader withFrom(Option<Jid> newFrom) {
        return new StreamHeader(newFrom, to, id, version, lang, contentNamespace);
    }

    public StreamHeader withTo(Option<Jid> newTo) {
        return new StreamHeader(from, newTo, id, version, lang, contentNamespace);
    }

    public StreamHeader withId(Option<String> newId) {
        return new StreamHeader(from, to, newId, version, lang, contentNamespace);
    }

    public StreamHeader withVersion(Option<StreamVersion> newVersion) {
        return new StreamHeader(from, to, id, newVersion, lang, contentNamespace);
    }

    public StreamHeader withLang(Option<String> newLang) {
        return new StreamHeader(from, to, id, version, newLang, contentNamespace);
    }
}
