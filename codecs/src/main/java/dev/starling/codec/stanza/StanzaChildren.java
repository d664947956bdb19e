package dev.starling.codec.stanza;

import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.LocalizedTexts;
import dev.starling.model.Extension;
import dev.starling.model.element.Element;
import dev.starling.model.element.Node;
import dev.starling.model.element.QName;
import dev.starling.model.stanza.Body;
import dev.starling.model.stanza.MessageThread;
import dev.starling.model.stanza.Priority;
import dev.starling.model.stanza.Show;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.Status;
import dev.starling.model.stanza.Subject;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.ArrayList;

/**
 * The children of a stanza, in document order. Core children in the stanza's content namespace
 * (RFC 6121 §5.2 for messages, §4.7.2 for presence, RFC 6120 §8.3 for errors) become records;
 * every other child stays an {@link Element}, untouched, to be decoded on demand or forwarded.
 */
final class StanzaChildren {

    /** Which core children a stanza kind has. */
    enum Kind { MESSAGE, PRESENCE, IQ }

    private StanzaChildren() {
    }

    static Either<CodecError, Seq<Extension>> decode(Element stanza, Kind kind) {
        String contentNamespace = stanza.namespace();
        ArrayList<Extension> children = new ArrayList<>(stanza.children().size());
        for (Node node : stanza.children()) {
            if (!(node instanceof Element child)) {
                continue; // character data between a stanza's children carries no meaning
            }
            if (!child.namespace().equals(contentNamespace)) {
                children.add(child);
                continue;
            }
            Either<CodecError, Extension> core = core(child, kind);
            if (core.isLeft()) {
                return Either.left(core.getLeft());
            }
            children.add(core.get());
        }
        return Either.right(Array.ofAll(children));
    }

    private static Either<CodecError, Extension> core(Element child, Kind kind) {
        String name = child.localName();
        if (name.equals("error")) {
            return StanzaErrorCodec.decode(child).map(Extension.class::cast);
        }
        if (kind == Kind.MESSAGE) {
            switch (name) {
                case "body":
                    return Either.right(new Body(LocalizedTexts.read(child)));
                case "subject":
                    return Either.right(new Subject(LocalizedTexts.read(child)));
                case "thread":
                    // XEP-0201 §4: an opaque token; the space around it in pretty-printed XML (the spec's own examples) is not part of it
                    return Either.right(new MessageThread(child.text().strip(), child.attribute("parent").map(String::strip)));
                default:
                    return Either.right(child);
            }
        }
        if (kind == Kind.PRESENCE) {
            switch (name) {
                case "show":
                    Option<Show> show = Show.fromWire(child.text().trim());
                    return show.isDefined()
                            ? Either.right(show.get())
                            : Either.left(CodecError.badRequest("<show/> must be away, chat, dnd or xa (RFC 6121 §4.7.2.1)"));
                case "status":
                    return Either.right(new Status(LocalizedTexts.read(child)));
                case "priority":
                    return priority(child.text().trim());
                default:
                    return Either.right(child);
            }
        }
        return Either.right(child);
    }

    private static Either<CodecError, Extension> priority(String text) {
        try {
            int value = Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
            if (value >= -128 && value <= 127) {
                return Either.right(new Priority(value));
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        return Either.left(CodecError.badRequest("<priority/> must be an integer from -128 to 127 (RFC 6121 §4.7.2.3)"));
    }

    static void encode(Element.Builder builder, Seq<Extension> children, String contentNamespace,
                       CodecRegistry registry) {
        for (Extension child : children) {
            builder.child(encodeChild(child, contentNamespace, registry));
        }
    }

    private static Element encodeChild(Extension child, String ns, CodecRegistry registry) {
        if (child instanceof Body body) {
            return LocalizedTexts.write(QName.of(ns, "body"), body.content());
        }
        if (child instanceof Subject subject) {
            return LocalizedTexts.write(QName.of(ns, "subject"), subject.content());
        }
        if (child instanceof MessageThread thread) {
            Element.Builder element = Element.builder(QName.of(ns, "thread"));
            thread.parent().forEach(parent -> element.attribute("parent", parent));
            return element.text(thread.id()).build();
        }
        if (child instanceof Show show) {
            return Element.builder(QName.of(ns, "show")).text(show.wireName()).build();
        }
        if (child instanceof Status status) {
            return LocalizedTexts.write(QName.of(ns, "status"), status.content());
        }
        if (child instanceof Priority priority) {
            return Element.builder(QName.of(ns, "priority")).text(Integer.toString(priority.value())).build();
        }
        if (child instanceof StanzaError error) {
            return StanzaErrorCodec.encode(error, ns);
        }
        return registry.encode(child, ns);
    }
}
