package dev.starling.model.stanza;

import dev.starling.model.Extension;
import dev.starling.model.LocalizedText;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * A {@code <message/>} stanza, RFC 6120 §8.2.1 and RFC 6121 §5. The {@code type} is optional on
 * the wire; {@link #effectiveType()} applies the RFC 6121 §5.2.2 default ("normal").
 *
 * @param type     the {@code type} attribute, absent when the stanza has none
 * @param id       the {@code id} attribute
 * @param from     the {@code from} attribute
 * @param to       the {@code to} attribute
 * @param lang     the {@code xml:lang} attribute
 * @param children children in document order
 */
public record Message(Option<MessageType> type, Option<String> id, Option<Jid> from, Option<Jid> to,
                      Option<String> lang, Seq<Extension> children) implements Stanza {

    public Message {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(children, "children");
    }

    /** An empty message with no attributes. */
    public static Message empty() {
        return new Message(Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), Array.empty());
    }

    /** A chat message with a body. */
    public static Message chat(Jid to, String body) {
        return empty().withType(MessageType.CHAT).withTo(Option.some(to)).withChild(Body.of(body));
    }

    /** The type, with an absent attribute read as "normal" (RFC 6121 §5.2.2). */
    public MessageType effectiveType() {
        return type.getOrElse(MessageType.NORMAL);
    }

    /** All bodies, one per language. */
    public Seq<Body> bodies() {
        return childrenOf(Body.class);
    }

    /** The body text: the one without {@code xml:lang} if any, otherwise the first. */
    public Option<String> body() {
        return preferred(bodies().map(Body::content));
    }

    /** All subjects, one per language. */
    public Seq<Subject> subjects() {
        return childrenOf(Subject.class);
    }

    /** The subject text: the one without {@code xml:lang} if any, otherwise the first. */
    public Option<String> subject() {
        return preferred(subjects().map(Subject::content));
    }

    public Option<MessageThread> thread() {
        return firstChild(MessageThread.class);
    }

    public Message withType(MessageType newType) {
        return new Message(Option.some(newType), id, from, to, lang, children);
    }

    @Override
    public Message withFrom(Option<Jid> newFrom) {
        return new Message(type, id, newFrom, to, lang, children);
    }

    @Override
    public Message withTo(Option<Jid> newTo) {
        return new Message(type, id, from, newTo, lang, children);
    }

    @Override
    public Message withId(Option<String> newId) {
        return new Message(type, newId, from, to, lang, children);
    }

    public Message withLang(Option<String> newLang) {
        return new Message(type, id, from, to, newLang, children);
    }

    /** A copy with a child appended. */
    public Message withChild(Extension child) {
        return new Message(type, id, from, to, lang, children.append(child));
    }

    /** A copy with these children instead. */
    public Message withChildren(Seq<Extension> newChildren) {
        return new Message(type, id, from, to, lang, newChildren);
    }

    static Option<String> preferred(Seq<LocalizedText> texts) {
        return texts.find(t -> t.lang().isEmpty()).orElse(texts.headOption()).map(LocalizedText::text);
    }
}
