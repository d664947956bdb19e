package dev.starling.io.client;

import dev.starling.codec.CodecRegistry;
import dev.starling.machine.avatar.AvatarHash;
import dev.starling.model.Namespaces;
import dev.starling.model.bookmarks.Bookmarks;
import dev.starling.model.bookmarks.RosterNotes;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.IqType;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;

/**
 * What the server keeps for the account, from the client's side: vCards (XEP-0054; the
 * account's own or anyone's through their bare JID) and private XML storage (XEP-0049, where
 * XEP-0048 bookmarks and XEP-0145 annotations live, read and written typed here too).
 */
public final class ClientStorage {

    private static final QName VCARD = QName.of("vcard-temp", "vCard");
    private static final QName PRIVATE = QName.of("jabber:iq:private", "query");
    private static final CodecRegistry REGISTRY = CodecRegistry.core();

    private final XmppClient client;

    ClientStorage(XmppClient client) {
        this.client = client;
    }

    /**
     * A vCard: the account's own when {@code of} is none (XEP-0054 §2.1), else that entity's (§2.2);
     * empty if it has none. Reading or writing the own vCard sets the avatar hash the client
     * advertises in presence (XEP-0153).
     */
    public Mono<Element> vcard(Option<Jid> of) {
        return client.request(IqType.GET, of.map(Jid::bare), Element.of(VCARD))
                .map(result -> result.children().find(c -> c instanceof Element e && e.name().equals(VCARD)).map(Element.class::cast)
                        .getOrElse(() -> Element.of(VCARD)))
                .doOnNext(vcard -> {
                    if (of.isEmpty()) {
                        client.avatar(AvatarHash.of(vcard)); // XEP-0153 §4.5: advertise only after reading the current vCard
                    }
                });
    }

    /** Replaces the account's vCard (XEP-0054 §3.2); {@code vcard} is a {@code <vCard xmlns='vcard-temp'/>} element. */
    public Mono<Void> setVcard(Element vcard) {
        if (!vcard.name().equals(VCARD)) {
            return Mono.error(new IllegalArgumentException("a vCard is <vCard xmlns='vcard-temp'/>, not " + vcard.name()));
        }
        return client.request(IqType.SET, Option.none(), vcard).doOnNext(done -> client.avatar(AvatarHash.of(vcard))).then();
    }

    /** The elements stored under one namespace (XEP-0049 §2); {@code name} is the stored element's name. */
    public Mono<Seq<Element>> load(QName name) {
        return client.request(IqType.GET, Option.none(), Element.builder(PRIVATE).child(Element.of(name)).build())
                .map(result -> result.children().find(c -> c instanceof Element e && e.name().equals(PRIVATE))
                        .map(query -> ((Element) query).elements().filter(e -> e.namespace().equals(name.namespace())))
                        .getOrElse(io.vavr.collection.Array.empty()));
    }

    /** Stores elements, each under its own namespace, replacing what was there (XEP-0049 §2). */
    public Mono<Void> store(Element... elements) {
        Element.Builder query = Element.builder(PRIVATE);
        for (Element element : elements) {
            query.child(element);
        }
        return client.request(IqType.SET, Option.none(), query.build()).then();
    }

    /** The account's bookmarks (XEP-0048 in private storage, §3); none stored reads as empty. */
    public Mono<Bookmarks> bookmarks() {
        return typed(QName.of(Bookmarks.NAMESPACE, "storage"), Bookmarks.class, new Bookmarks(Array.empty(), Array.empty()));
    }

    /** Replaces the account's bookmarks (XEP-0048 §3). */
    public Mono<Void> setBookmarks(Bookmarks bookmarks) {
        return store(REGISTRY.encode(bookmarks, Namespaces.CLIENT));
    }

    /** The account's notes about contacts (XEP-0145); none stored reads as empty. */
    public Mono<RosterNotes> notes() {
        return typed(QName.of(RosterNotes.NAMESPACE, "storage"), RosterNotes.class, new RosterNotes(Array.empty()));
    }

    /** Replaces the account's notes about contacts (XEP-0145). */
    public Mono<Void> setNotes(RosterNotes notes) {
        return store(REGISTRY.encode(notes, Namespaces.CLIENT));
    }

    /**
     * The nested-groups delimiter (XEP-0083 §3.1) to apply to roster groups: none when nothing is
     * stored, or a single alphanumeric character, which means nesting is off (§2).
     */
    public Mono<Option<String>> rosterDelimiter() {
        return load(QName.of(dev.starling.machine.roster.NestedGroups.NAMESPACE, "roster")).map(dev.starling.machine.roster.NestedGroups::delimiter);
    }

    /** Stores the nested-groups delimiter (XEP-0083 §2; a string of several characters is best, e.g. {@code ::}). */
    public Mono<Void> setRosterDelimiter(String delimiter) {
        return store(dev.starling.machine.roster.NestedGroups.stored(delimiter));
    }

    private <T> Mono<T> typed(QName name, Class<T> type, T empty) {
        return load(name).map(stored -> stored.headOption().map(element -> REGISTRY.decodePayload(element, Namespaces.CLIENT)
                .fold(error -> { throw new IllegalStateException("the stored " + name + " is not what XEP-0048/0145 define: " + error); },
                        type::cast)).getOrElse(empty));
    }
}
