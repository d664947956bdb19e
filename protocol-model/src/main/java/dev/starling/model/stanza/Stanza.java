package dev.starling.model.stanza;

import dev.starling.model.Extension;
import dev.starling.model.jid.Jid;
import dev.starling.model.stream.StreamElement;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * One of the three XML stanzas of RFC 6120 §8: {@link Message}, {@link Presence}, {@link Iq}.
 * The common attributes are those of §8.1 ({@code to}, {@code from}, {@code id}, {@code type},
 * {@code xml:lang}); the children are kept in document order, typed where the core defines
 * them (body, subject, thread, show, status, priority, error) and as generic elements otherwise.
 *
 * <p>A stanza does not know its content namespace ({@code jabber:client} or
 * {@code jabber:server}): that belongs to the stream it travels on.
 */
public sealed interface Stanza extends StreamElement permits Message, Presence, Iq {

    Option<String> id();

    Option<Jid> from();

    Option<Jid> to();

    /** The stanza's own {@code xml:lang}, when present. */
    Option<String> lang();

    /** All children in document order. */
    Seq<Extension> children();

    /** The {@code <error/>} child, for stanzas of type "error". */
    default Option<StanzaError> error() {
        return firstChild(StanzaError.class);
    }

    /** The first child of the given type. */
    default <T extends Extension> Option<T> firstChild(Class<T> type) {
        for (Extension e : children()) {
            if (type.isInstance(e)) {
                return Option.some(type.cast(e));
            }
        }
        return Option.none();
    }

    /** All children of the given type, in document order. */
    default <T extends Extension> Seq<T> childrenOf(Class<T> type) {
        return children().filter(type::isInstance).map(type::cast);
    }

    /** A copy with this {@code from} (servers stamp it, RFC 6120 §8.1.2.1). */
    Stanza withFrom(Option<Jid> from);

    /** A copy with this {@code to}. */
    Stanza withTo(Option<Jid> to);

    /** A copy with this {@code id}. */
    Stanza withId(Option<String> id);
}
