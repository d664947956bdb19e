package dev.starling.model.stanza;

import dev.starling.model.Extension;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * An {@code <iq/>} stanza, RFC 6120 §8.2.3: a request ({@code get}/{@code set}) with exactly one
 * payload child, or a response ({@code result} with zero or one child, {@code error} with an
 * {@code <error/>} and optionally the original payload). The {@code id} is required.
 *
 * @param type     the {@code type} attribute
 * @param iqId     the {@code id} attribute, which RFC 6120 §8.2.3 requires on every IQ
 * @param from     the {@code from} attribute
 * @param to       the {@code to} attribute
 * @param lang     the {@code xml:lang} attribute
 * @param children children in document order
 */
public record Iq(IqType type, String iqId, Option<Jid> from, Option<Jid> to, Option<String> lang,
                 Seq<Extension> children) implements Stanza {

    public Iq {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(iqId, "iqId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(children, "children");
    }

    /** A request or response with a single payload child. */
    public static Iq of(IqType type, String id, Extension payload) {
        return new Iq(type, id, Option.none(), Option.none(), Option.none(), Array.of(payload));
    }

    /** An empty {@code result}, the usual acknowledgement of a {@code set}. */
    public static Iq emptyResult(String id) {
        return new Iq(IqType.RESULT, id, Option.none(), Option.none(), Option.none(), Array.empty());
    }

    @Override
    public Option<String> id() {
        return Option.some(iqId);
    }

    /** The payload: the first child that is not the {@code <error/>}. */
    public Option<Extension> payload() {
        return children.find(c -> !(c instanceof StanzaError));
    }

    @Override
    public Iq withFrom(Option<Jid> newFrom) {
        return new Iq(type, iqId, newFrom, to, lang, children);
    }

    @Override
    public Iq withTo(Option<Jid> newTo) {
        return new Iq(type, iqId, from, newTo, lang, children);
    }

    /** A copy with this id; an IQ always has one, so {@code none} is rejected. */
    @Override
    public Iq withId(Option<String> newId) {
        return new Iq(type, newId.getOrElseThrow(() -> new IllegalArgumentException("an IQ requires an id (RFC 6120 §8.2.3)")),
                from, to, lang, children);
    }

    public Iq withType(IqType newType) {
        return new Iq(newType, iqId, from, to, lang, children);
    }

    public Iq withLang(Option<String> newLang) {
        return new Iq(type, iqId, from, to, newLang, children);
    }

    /** A copy with these children instead. */
    public Iq withChildren(Seq<Extension> newChildren) {
        return new Iq(type, iqId, from, to, lang, newChildren);
    }
}
