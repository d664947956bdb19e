package dev.starling.model.stanza;

import dev.starling.model.Extension;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * A {@code <presence/>} stanza, RFC 6120 §8.2.2 and RFC 6121 §4. An absent {@code type} means
 * the sender is available.
 *
 * @param type     the {@code type} attribute, absent for availability
 * @param id       the {@code id} attribute
 * @param from     the {@code from} attribute
 * @param to       the {@code to} attribute
 * @param lang     the {@code xml:lang} attribute
 * @param children children in document order
 */
public record Presence(Option<PresenceType> type, Option<String> id, Option<Jid> from, Option<Jid> to,
                       Option<String> lang, Seq<Extension> children) implements Stanza {

    public Presence {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(children, "children");
    }

    /** An available presence with no attributes or children. */
    public static Presence available() {
        return new Presence(Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), Array.empty());
    }

    /** A presence of the given type with no attributes or children. */
    public static Presence of(PresenceType type) {
        return available().withType(Option.some(type));
    }

    /** Whether this presence signals availability (no type). */
    public boolean isAvailable() {
        return type.isEmpty();
    }

    public Option<Show> show() {
        return firstChild(Show.class);
    }

    /** The status text: the one without {@code xml:lang} if any, otherwise the first. */
    public Option<String> status() {
        return Message.preferred(childrenOf(Status.class).map(Status::content));
    }

    /** The priority, 0 when absent (RFC 6121 §4.7.2.3). */
    public int priority() {
        return firstChild(Priority.class).map(Priority::value).getOrElse(0);
    }

    public Presence withType(Option<PresenceType> newType) {
        return new Presence(newType, id, from, to, lang, children);
    }

    @Override
    public Presence withFrom(Option<Jid> newFrom) {
        return new Presence(type, id, newFrom, to, lang, children);
    }

    @Override
    public Presence withTo(Option<Jid> newTo) {
        return new Presence(type, id, from, newTo, lang, children);
    }

    @Override
    public Presence withId(Option<String> newId) {
        return new Presence(type, newId, from, to, lang, children);
    }

    public Presence withLang(Option<String> newLang) {
        return new Presence(type, id, from, to, newLang, children);
    }

    /** A copy with a child appended. */
    public Presence withChild(Extension child) {
        return new Presence(type, id, from, to, lang, children.append(child));
    }

    /** A copy with these children instead. */
    public Presence withChildren(Seq<Extension> newChildren) {
        return new Presence(type, id, from, to, lang, newChildren);
    }
}
