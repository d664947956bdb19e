package dev.starling.conformance.properties;

import dev.starling.model.Extension;
import dev.starling.model.LocalizedText;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.element.XmlChars;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Body;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.MessageThread;
import dev.starling.model.stanza.MessageType;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import dev.starling.model.stanza.Priority;
import dev.starling.model.stanza.Show;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.StanzaErrorType;
import dev.starling.model.stanza.Status;
import dev.starling.model.stanza.Subject;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/** jqwik generators for the protocol model: JIDs, unknown payloads and the three stanzas. */
final class ModelArbitraries {

    private static final List<String> PAYLOAD_NAMESPACES = List.of("urn:xmpp:ping", "http://jabber.org/protocol/disco#info",
            "urn:example:\u00e9t\u00e9", "jabber:x:data", "");

    private ModelArbitraries() {
    }

    /** Text of XML characters: ASCII, accented and CJK letters, emoji (surrogate pairs), whitespace, markup characters. */
    static Arbitrary<String> text() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12),
                Arbitraries.of("<", ">", "&", "\"", "'", "]]>", "\n", "\r\n", "\t", " ", "\u00e9", "\u4e2d\u6587", "\ud83d\ude00",
                        "\u0645\u0631\u062d\u0628\u0627", "&amp;", "\u00a0"));
        return pieces.list().ofMaxSize(6).map(list -> String.join("", list)).filter(XmlChars::isValidText);
    }

    static Arbitrary<String> ncName() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8),
                Arbitraries.of("x", "query", "item", "\u00e9l\u00e9ment", "data-form", "a.b_c"));
    }

    static Arbitrary<String> lang() {
        return Arbitraries.of("en", "de", "fr-CA", "zh-Hant", "i-klingon");
    }

    /** Valid JIDs with and without localpart and resourcepart, some with non-ASCII parts. */
    static Arbitrary<Jid> jids() {
        Arbitrary<String> local = Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10),
                Arbitraries.of("juliet", "\u03c0", "fu\u00dfball", "user.name_1", "d\\27artagnan"));
        Arbitrary<String> domain = Arbitraries.oneOf(Arbitraries.of("example.com", "im.example.com", "m\u00fcnchen.de",
                "localhost", "127.0.0.1", "[::1]", "xn--mnchen-3ya.de"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10).map(s -> s + ".example"));
        Arbitrary<String> resource = Arbitraries.oneOf(Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("balcony", "foo bar", "foo@bar/baz", "\u265a", "Gajim.ABCD"));
        return Combinators.combine(local.optional(), domain, resource.optional())
                .as((l, d, r) -> Jid.of(Option.ofOptional(l), d, Option.ofOptional(r)))
                .filter(io.vavr.control.Either::isRight)
                .map(io.vavr.control.Either::get);
    }

    /** Unknown payload elements: any namespace but the content and stanza-error ones, nested, with text and attributes. */
    static Arbitrary<Element> payloads() {
        return payloads(3);
    }

    private static Arbitrary<Element> payloads(int depth) {
        Arbitrary<QName> name = Combinators.combine(Arbitraries.of(PAYLOAD_NAMESPACES), ncName()).as(QName::of);
        Arbitrary<QName> attributeName = Arbitraries.oneOf(ncName().map(QName::local),
                Arbitraries.just(QName.of(Namespaces.XML, "lang")),
                ncName().map(local -> QName.of("urn:example:attrs", local)));
        Arbitrary<List<Object>> children = depth == 0
                ? text().map(t -> List.<Object>of(t))
                : Arbitraries.oneOf(text().map(t -> (Object) t), Arbitraries.lazy(() -> payloads(depth - 1)).map(e -> (Object) e))
                        .list().ofMaxSize(3);
        return Combinators.combine(name, Combinators.combine(attributeName, text()).as(Attr::new).list().ofMaxSize(3), children)
                .as((n, attributes, kids) -> {
                    Element.Builder builder = Element.builder(n);
                    attributes.stream().map(Attr::name).distinct().forEach(an -> builder.attribute(an,
                            attributes.stream().filter(a -> a.name().equals(an)).findFirst().get().value()));
                    kids.forEach(k -> {
                        if (k instanceof Element e) {
                            builder.child(e);
                        } else {
                            builder.text((String) k);
                        }
                    });
                    return builder.build();
                });
    }

    private record Attr(QName name, String value) {
    }

    static Arbitrary<StanzaError> stanzaErrors() {
        Arbitrary<String> uri = Arbitraries.of("xmpp:romeo@example.net", "https://example.org/moved?x=1&y=2");
        return Combinators.combine(Arbitraries.of(StanzaErrorType.class), Arbitraries.of(StanzaErrorCondition.class),
                        uri.optional(), Combinators.combine(text(), lang().optional()).as((t, l) -> new LocalizedText(t, Option.ofOptional(l))).optional(),
                        jids().optional(), payloads(1).filter(e -> !e.namespace().isEmpty()).optional(),
                        Arbitraries.of("400", "404", "503").optional())
                .as((type, condition, conditionText, text, by, app, code) -> new StanzaError(type, condition,
                        condition.carriesText() ? Option.ofOptional(conditionText) : Option.none(), Option.ofOptional(text),
                        Option.ofOptional(by), Option.ofOptional(app), Option.ofOptional(code)));
    }

    static Arbitrary<Message> messages() {
        Arbitrary<Extension> child = Arbitraries.oneOf(
                Combinators.combine(text(), lang().optional()).as((t, l) -> new Body(new LocalizedText(t, Option.ofOptional(l)))),
                text().map(Subject::of),
                Combinators.combine(ncName(), ncName().optional()).as((id, parent) -> new MessageThread(id, Option.ofOptional(parent))),
                payloads().map(e -> (Extension) e));
        return Combinators.combine(Arbitraries.of(MessageType.class).optional(), ids(), jids().optional(), jids().optional(),
                        lang().optional(), child.list().ofMaxSize(4), stanzaErrors().optional())
                .as((type, id, from, to, lang, children, error) -> new Message(Option.ofOptional(type), id,
                        Option.ofOptional(from), Option.ofOptional(to), Option.ofOptional(lang),
                        Array.ofAll(children).appendAll(Option.ofOptional(error))));
    }

    static Arbitrary<Presence> presences() {
        Arbitrary<Extension> child = Arbitraries.oneOf(Arbitraries.of(Show.class).map(s -> (Extension) s),
                text().map(Status::of), Arbitraries.integers().between(-128, 127).map(Priority::new),
                payloads().map(e -> (Extension) e));
        return Combinators.combine(Arbitraries.of(PresenceType.class).optional(), ids(), jids().optional(), jids().optional(),
                        lang().optional(), child.list().ofMaxSize(4))
                .as((type, id, from, to, lang, children) -> new Presence(Option.ofOptional(type), id,
                        Option.ofOptional(from), Option.ofOptional(to), Option.ofOptional(lang), Array.ofAll(children)));
    }

    static Arbitrary<Iq> iqs() {
        return Combinators.combine(Arbitraries.of(IqType.class), ncName(), jids().optional(), jids().optional(),
                        payloads(), stanzaErrors(), Arbitraries.of(true, false))
                .as((type, id, from, to, payload, error, withPayload) -> {
                    Array<Extension> children = switch (type) {
                        case GET, SET -> Array.of(payload);
                        case RESULT -> withPayload ? Array.of(payload) : Array.empty();
                        case ERROR -> withPayload ? Array.of(payload, error) : Array.of(error);
                    };
                    return new Iq(type, id, Option.ofOptional(from), Option.ofOptional(to), Option.none(), children);
                });
    }

    static Arbitrary<Stanza> stanzas() {
        return Arbitraries.oneOf(messages(), presences(), iqs());
    }

    private static Arbitrary<Option<String>> ids() {
        return Arbitraries.oneOf(ncName(), text()).optional().map(Option::ofOptional);
    }
}
