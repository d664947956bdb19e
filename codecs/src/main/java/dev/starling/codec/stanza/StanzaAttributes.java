package dev.starling.codec.stanza;

import dev.starling.codec.CodecError;
import dev.starling.codec.LocalizedTexts;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.jid.JidError;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The attributes every stanza shares, RFC 6120 §8.1: {@code to}, {@code from}, {@code id},
 * {@code xml:lang}. An address that is not a valid JID yields {@code jid-malformed}
 * (§8.3.3.8).
 *
 * @param id   the {@code id}
 * @param from the {@code from}
 * @param to   the {@code to}
 * @param lang the {@code xml:lang}
 */
record StanzaAttributes(Option<String> id, Option<Jid> from, Option<Jid> to, Option<String> lang) {

    static Either<CodecError, StanzaAttributes> read(Element stanza) {
        Either<CodecError, Option<Jid>> from = jid(stanza, "from");
        if (from.isLeft()) {
            return Either.left(from.getLeft());
        }
        Either<CodecError, Option<Jid>> to = jid(stanza, "to");
        if (to.isLeft()) {
            return Either.left(to.getLeft());
        }
        return Either.right(new StanzaAttributes(stanza.attribute("id"), from.get(), to.get(),
                stanza.attribute(LocalizedTexts.XML_LANG)));
    }

    /** Writes the attributes in the order the RFC examples use. */
    static void write(Element.Builder builder, Option<Jid> from, Option<String> id, Option<Jid> to,
                      Option<String> type, Option<String> lang) {
        from.forEach(jid -> builder.attribute("from", jid.toString()));
        id.forEach(value -> builder.attribute("id", value));
        to.forEach(jid -> builder.attribute("to", jid.toString()));
        type.forEach(value -> builder.attribute("type", value));
        lang.forEach(value -> builder.attribute(LocalizedTexts.XML_LANG, value));
    }

    private static Either<CodecError, Option<Jid>> jid(Element stanza, String attribute) {
        Option<String> value = stanza.attribute(attribute);
        if (value.isEmpty()) {
            return Either.right(Option.none());
        }
        Either<JidError, Jid> parsed = Jid.parse(value.get());
        return parsed.isRight()
                ? Either.right(Option.some(parsed.get()))
                : Either.left(CodecError.jidMalformed("'" + attribute + "': " + parsed.getLeft().message()));
    }
}
