package dev.starling.codec;

import dev.starling.codec.bind.BindCodecs;
import dev.starling.codec.blocking.BlockingCodecs;
import dev.starling.codec.delay.DelayCodecs;
import dev.starling.codec.disco.DiscoCodecs;
import dev.starling.codec.form.DataFormCodecs;
import dev.starling.codec.legacyauth.LegacyAuthCodecs;
import dev.starling.codec.register.RegisterCodecs;
import dev.starling.codec.roster.RosterCodecs;
import dev.starling.codec.ping.PingCodecs;
import dev.starling.codec.version.VersionCodecs;
import dev.starling.codec.sasl.SaslCodecs;
import dev.starling.codec.stanza.StanzaCodecs;
import dev.starling.codec.stream.StreamCodecs;
import dev.starling.codec.tls.TlsCodecs;
import dev.starling.model.Extension;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stream.StreamElement;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * An immutable registry of {@link ElementCodec}s keyed by qualified name, in three scopes that
 * XMPP distinguishes: top-level stream elements (stanzas, features, errors, STARTTLS, SASL),
 * stream features (children of {@code <stream:features/>}), and payloads (children of stanzas).
 * The same name can mean different things in different scopes ({@code <bind/>} is a feature and
 * an IQ payload), which is why the scopes are separate.
 *
 * <p>An element whose name has no codec decodes to itself, so nothing unregistered is dropped.
 * Stanza payloads are kept as elements when a stanza is decoded and turned into records on
 * demand with {@link #payload}; routing a stanza never pays for decoding its payloads.
 */
public final class CodecRegistry {

    private final Map<QName, ElementCodec<?>> topLevel;
    private final Map<QName, ElementCodec<?>> features;
    private final Map<QName, ElementCodec<?>> payloads;
    private final Map<Class<?>, ElementCodec<?>> byType;

    private CodecRegistry(Map<QName, ElementCodec<?>> topLevel, Map<QName, ElementCodec<?>> features,
                          Map<QName, ElementCodec<?>> payloads, Map<Class<?>, ElementCodec<?>> byType) {
        this.topLevel = topLevel;
        this.features = features;
        this.payloads = payloads;
        this.byType = byType;
    }

    /** A registry that knows nothing (every element decodes to itself). */
    public static CodecRegistry empty() {
        return new CodecRegistry(HashMap.empty(), HashMap.empty(), HashMap.empty(), HashMap.empty());
    }

    /**
     * The codecs for everything in the core model: stanzas (RFC 6120 §8, RFC 6121), stream
     * features and errors (§4.3, §4.9), STARTTLS (§5), SASL (§6), resource binding (§7) and
     * legacy sessions (RFC 3921 §3), plus the payloads every session answers: ping (XEP-0199),
     * software version (XEP-0092) and service discovery (XEP-0030).
     */
    public static CodecRegistry core() {
        return dev.starling.codec.ibb.IbbCodecs.register(routing());
    }

    /**
     * What a server reads: the core codecs without the payloads it only passes on between
     * clients, XEP-0047's data chunks, which stay elements (a routed chunk is then neither
     * base64-decoded nor re-encoded by the server; the recipient checks it).
     */
    public static CodecRegistry routing() {
        CodecRegistry registry = empty();
        registry = StanzaCodecs.register(registry);
        registry = StreamCodecs.register(registry);
        registry = TlsCodecs.register(registry);
        registry = SaslCodecs.register(registry);
        registry = BindCodecs.register(registry);
        registry = PingCodecs.register(registry);
        registry = VersionCodecs.register(registry);
        registry = DataFormCodecs.register(registry);
        registry = RegisterCodecs.register(registry);
        registry = LegacyAuthCodecs.register(registry);
        registry = RosterCodecs.register(registry);
        registry = DelayCodecs.register(registry);
        registry = BlockingCodecs.register(registry);
        registry = dev.starling.codec.offline.OfflineCodecs.register(registry);
        registry = dev.starling.codec.privacy.PrivacyCodecs.register(registry);
        registry = dev.starling.codec.im.CapsCodecs.register(registry);
        registry = dev.starling.codec.im.TimeCodecs.register(registry);
        registry = dev.starling.codec.im.ChatCodecs.register(registry);
        registry = dev.starling.codec.im.AvatarCodecs.register(registry);
        registry = dev.starling.codec.bookmarks.BookmarkCodecs.register(registry);
        registry = dev.starling.codec.bytestreams.BytestreamCodecs.register(registry);
        registry = dev.starling.codec.si.SiCodecs.register(registry);
        registry = dev.starling.codec.oob.OobCodecs.register(registry);
        registry = dev.starling.codec.jingle.JingleCodecs.register(registry);
        return DiscoCodecs.register(registry);
    }

    /** A registry that also decodes these top-level elements. */
    public CodecRegistry withTopLevel(ElementCodec<?> codec) {
        return new CodecRegistry(add(topLevel, codec), features, payloads, byType.put(codec.type(), codec));
    }

    /** A registry that also decodes these stream features. */
    public CodecRegistry withFeature(ElementCodec<?> codec) {
        return new CodecRegistry(topLevel, add(features, codec), payloads, byType.put(codec.type(), codec));
    }

    /** A registry that also decodes these stanza payloads. */
    public CodecRegistry withPayload(ElementCodec<?> codec) {
        return new CodecRegistry(topLevel, features, add(payloads, codec), byType.put(codec.type(), codec));
    }

    private static Map<QName, ElementCodec<?>> add(Map<QName, ElementCodec<?>> scope, ElementCodec<?> codec) {
        Map<QName, ElementCodec<?>> result = scope;
        for (QName name : codec.names()) {
            result = result.put(name, codec);
        }
        return result;
    }

    /** Decodes a top-level element; unknown names decode to the element itself. */
    public Either<CodecError, StreamElement> decodeTopLevel(Element element, String contentNamespace) {
        return decodeIn(topLevel, element, contentNamespace).map(StreamElement.class::cast);
    }

    /** Decodes a stream feature; unknown names decode to the element itself. */
    public Either<CodecError, Extension> decodeFeature(Element element, String contentNamespace) {
        return decodeIn(features, element, contentNamespace).map(Extension.class::cast);
    }

    /** Decodes a stanza payload; unknown names decode to the element itself. */
    public Either<CodecError, Extension> decodePayload(Element element, String contentNamespace) {
        return decodeIn(payloads, element, contentNamespace).map(Extension.class::cast);
    }

    /** Whether a payload codec is registered for this name. */
    public boolean knowsPayload(QName name) {
        return payloads.containsKey(name);
    }

    /**
     * The first child of the given payload type among a stanza's children: a child that already
     * is such a record, or an element this registry decodes to one. A matching element that fails
     * to decode is reported as the error.
     */
    public <T extends Extension> Either<CodecError, Option<T>> payload(Seq<Extension> children, Class<T> type,
                                                                        String contentNamespace) {
        for (Extension child : children) {
            if (type.isInstance(child)) {
                return Either.right(Option.some(type.cast(child)));
            }
            if (child instanceof Element element) {
                Option<ElementCodec<?>> codec = payloads.get(element.name());
                if (codec.isDefined() && codec.get().type() == type) {
                    return codec.get().decode(element, new CodecContext(contentNamespace, this))
                            .map(value -> Option.some(type.cast(value)));
                }
            }
        }
        return Either.right(Option.none());
    }

    /**
     * The stanza with every child that has a registered payload codec turned into its record, for
     * consumers that dispatch on types (the session machines). The first child that fails to
     * decode is reported with the stanza error that answers it.
     */
    public Either<CodecError, Stanza> typePayloads(Stanza stanza, String contentNamespace) {
        boolean any = false;
        for (Extension child : stanza.children()) {
            any |= child instanceof Element e && payloads.containsKey(e.name());
        }
        if (!any) {
            return Either.right(stanza);
        }
        java.util.ArrayList<Extension> typed = new java.util.ArrayList<>(stanza.children().size());
        for (Extension child : stanza.children()) {
            if (child instanceof Element e && payloads.containsKey(e.name())) {
                Either<CodecError, Extension> decoded = decodePayload(e, contentNamespace);
                if (decoded.isLeft()) {
                    return Either.left(decoded.getLeft());
                }
                typed.add(decoded.get());
            } else {
                typed.add(child);
            }
        }
        io.vavr.collection.Array<Extension> children = io.vavr.collection.Array.ofAll(typed);
        if (stanza instanceof Message m) {
            return Either.right(m.withChildren(children));
        }
        if (stanza instanceof Presence p) {
            return Either.right(p.withChildren(children));
        }
        return Either.right(((Iq) stanza).withChildren(children));
    }

    /**
     * The element form of a value: an {@link Element} as is, a record through the codec of its
     * class or, failing that, of an interface it implements (one codec for a sealed family).
     */
    public Element encode(Object value, String contentNamespace) {
        if (value instanceof Element element) {
            return element;
        }
        Class<?> type = value instanceof Enum<?> constant ? constant.getDeclaringClass() : value.getClass();
        Option<ElementCodec<?>> codec = byType.get(type).orElse(() -> io.vavr.collection.Array.of(type.getInterfaces())
                .map(byType::get).find(Option::isDefined).flatMap(found -> found)); // a codec for a sealed interface encodes its records
        if (codec.isEmpty()) {
            throw new IllegalArgumentException("no codec registered for " + type.getName());
        }
        @SuppressWarnings("unchecked")
        ElementCodec<Object> typed = (ElementCodec<Object>) codec.get();
        return typed.encode(value, new CodecContext(contentNamespace, this));
    }

    private Either<CodecError, Object> decodeIn(Map<QName, ElementCodec<?>> scope, Element element,
                                               String contentNamespace) {
        Option<ElementCodec<?>> codec = scope.get(element.name());
        if (codec.isEmpty()) {
            return Either.right(element);
        }
        return codec.get().decode(element, new CodecContext(contentNamespace, this)).map(Object.class::cast);
    }
}
