package dev.starling.conformance.presence;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEquivalence;
import dev.starling.conformance.corpus.ErrataAccess;
import dev.starling.conformance.corpus.SpeakerTurnsAccess;
import dev.starling.conformance.corpus.SpecCorpus;
import dev.starling.conformance.corpus.StreamReplay;
import dev.starling.machine.presence.Subscription;
import dev.starling.machine.presence.SubscriptionState;
import dev.starling.machine.presence.SubscriptionType;
import dev.starling.machine.roster.Roster;
import dev.starling.machine.roster.RosterChange;
import dev.starling.machine.roster.RosterEntry;
import dev.starling.machine.roster.RosterLimits;
import dev.starling.machine.roster.RosterReply;
import dev.starling.machine.roster.RosterRequests;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.RosterItem;
import dev.starling.model.roster.RosterQuery;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.Stanza;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6121 §2 replayed through the roster machine: the client's requests (C:) from the RFC are
 * decoded and handed to {@link RosterRequests}, and the replies and pushes must be the RFC's
 * server turns (S:). Juliet's roster is the one the RFC's examples show (Example 9), Romeo's for
 * versioning is built by the changes §2.6.3 describes. Compared without what the server chooses
 * freely: push ids, version strings, the optional 'from' of pushes (§2.1.6), and in errors the
 * human-readable {@code <text/>} Starling adds and the 'from' it mirrors from the request's 'to'.
 */
class RosterReplayTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final Jid JULIET = Jid.of("juliet@example.com");
    private static final Jid ROMEO = Jid.of("romeo@example.net");

    /** Example 9: Romeo (both, Friends), Mercutio (from), Benvolio (both). */
    private static Roster juliets() {
        return roster(
                entry("romeo@example.net", "Romeo", SubscriptionState.BOTH, "Friends"),
                entry("mercutio@example.com", "Mercutio", SubscriptionState.FROM),
                entry("benvolio@example.net", "Benvolio", SubscriptionState.BOTH));
    }

    @Test
    void aRosterGetReturnsTheRoster() {
        RosterReply reply = handle(juliets(), request(8), RosterLimits.defaults());
        assertThat(withoutVer(element(reply.reply()))).isEqualTo(withoutVer(expected(9).head()));
    }

    @Test
    void aRosterSetIsAnsweredAndPushedToEveryResource() {
        RosterReply reply = handle(juliets(), request(10), RosterLimits.defaults());
        assertThat(element(reply.reply())).isEqualTo(expected(11).head());

        List<Element> pushes = List.of("balcony", "chamber").map(resource ->
                pushed(reply.change(), JULIET.withResource(resource).get()).head());
        assertThat(pushes).containsExactlyElementsOf(expected(12).map(RosterReplayTest::comparablePush));
    }

    @Test
    void anUpdateReplacesNameAndGroupsAndKeepsTheSubscription() {
        RosterReply reply = handle(juliets(), request(22), RosterLimits.defaults());
        assertThat(reply.reply().type()).isEqualTo(dev.starling.model.stanza.IqType.RESULT);
        RosterItem romeo = reply.change().pushes().single();
        assertThat(romeo.groups()).containsExactly("Lovers");
        assertThat(romeo.effectiveSubscription().wireName()).isEqualTo("both");
    }

    /**
     * §2.4.1: the RFC's sequence of updates to one item (Examples 21 to 25): add a group, remove the
     * original one, remove all groups, set a handle, remove it with an empty name (the RFC's
     * implementation note: the same as no name). Each set is answered with a result and pushes
     * the item as it now is, and the subscription stays "both" throughout.
     */
    @Test
    void theRfcsUpdatesEditGroupsAndHandleOfOneItem() {
        Roster roster = juliets();
        String[][] after = {{"Romeo", "Friends", "Lovers"}, {"Romeo", "Lovers"}, {null}, {"MyRomeo"}, {null}};
        int[] examples = {21, 22, 23, 24, 25};
        for (int i = 0; i < examples.length; i++) {
            RosterReply reply = handle(roster, request(examples[i]), RosterLimits.defaults());
            assertThat(reply.reply().type()).as("Example " + examples[i]).isEqualTo(dev.starling.model.stanza.IqType.RESULT);
            RosterItem pushed = reply.change().pushes().single();
            assertThat(pushed.name().getOrNull()).as("Example %d: the handle", examples[i]).isEqualTo(after[i][0]);
            assertThat(pushed.groups()).as("Example %d: the groups", examples[i]).containsExactly(java.util.Arrays.copyOfRange(after[i], 1, after[i].length));
            assertThat(pushed.effectiveSubscription().wireName()).isEqualTo("both");
            roster = reply.change().roster();
            assertThat(roster.entries().get(ROMEO).get().name().getOrNull()).isEqualTo(after[i][0]);
        }
    }

    /** §2.3.3: each error example; the RFC's placeholders stand for a name and a group over a limit of 20 characters. */
    @ParameterizedTest(name = "Example {0}")
    @ValueSource(ints = {14, 15, 16, 17, 18, 19, 28})
    void aBadRosterSetGetsTheRfcsError(int example) {
        RosterLimits limits = new RosterLimits(1000, 20, 20, 64);
        String text = example == 28 ? ErrataAccess.fix("RFC 6121", "rfc6121.json", 28) : text(example);
        List<String> turns = List.ofAll(SpeakerTurnsAccess.split(text)).map(part -> part.text());
        RosterReply reply = handle(juliets(), (Iq) decode(turns.get(0)).head(), limits);

        assertThat(withoutTextAndFrom(element(reply.reply()))).isEqualTo(decode(turns.get(1)).map(RosterReplayTest::normalized).head());
        assertThat(reply.change().pushes()).as("nothing changes").isEmpty();
        assertThat(reply.change().roster()).isEqualTo(juliets());
    }

    /** §2.3.3: a set that would take the roster over its item limit is resource-constraint, and nothing changes. */
    @Test
    void aSetBeyondTheItemLimitIsResourceConstraint() {
        RosterReply reply = handle(juliets(), request(10), new RosterLimits(3, 1023, 1023, 64)); // Example 10 adds the Nurse: a fourth item
        assertThat(reply.reply().type()).isEqualTo(dev.starling.model.stanza.IqType.ERROR);
        assertThat(reply.reply().error().map(e -> e.condition())).contains(dev.starling.model.stanza.StanzaErrorCondition.RESOURCE_CONSTRAINT);
        assertThat(reply.change().pushes()).isEmpty();
        assertThat(reply.change().roster()).isEqualTo(juliets());
        assertThat(handle(juliets(), request(22), new RosterLimits(3, 1023, 1023, 64)).reply().type())
                .as("an update of an existing item still fits").isEqualTo(dev.starling.model.stanza.IqType.RESULT);
    }

    /** §2.5.2: deleting a mutual contact pushes the removal and tells the contact both ways. */
    @Test
    void deletingAnItemPushesItAndCancelsBothSubscriptions() {
        Roster roster = juliets().set(RosterItem.of(Jid.of("nurse@example.com")), JULIET, RosterLimits.defaults()).get().roster();
        roster = mutual(roster, Jid.of("nurse@example.com"));
        RosterReply reply = handle(roster, request(26), RosterLimits.defaults());

        assertThat(reply.change().pushes()).containsExactly(RosterItem.of(Jid.of("nurse@example.com"))
                .withSubscription(dev.starling.model.roster.ItemSubscription.REMOVE));
        List<Element> told = List.ofAll(reply.change().toContact()).map(type -> normalized(REGISTRY.encode(new Presence(
                Option.some(type.presenceType()), Option.none(), Option.some(JULIET), Option.some(Jid.of("nurse@example.com")),
                Option.none(), Array.empty()), Namespaces.CLIENT)));
        assertThat(told).containsExactlyElementsOf(expected(27).map(e -> e.withoutAttribute(dev.starling.model.element.QName.of("", "id"))));
        assertThat(reply.change().roster().entries().containsKey(Jid.of("nurse@example.com"))).isFalse();
    }

    /** §2.6.3: a client at an older version gets an empty result and one interim push per changed item, oldest first. */
    @Test
    void aVersionedGetIsAnsweredWithInterimPushes() {
        Roster romeos = rosterAt(14, entry("tybalt@example.org", "Tybalt", SubscriptionState.NONE));
        RosterLimits limits = RosterLimits.defaults();
        romeos = romeos.remove(Jid.of("tybalt@example.org")).get().roster();
        romeos = romeos.set(RosterItem.of(Jid.of("bill@example.org")), ROMEO, limits).get().roster();
        romeos = mutual(romeos, Jid.of("bill@example.org"));
        romeos = romeos.set(RosterItem.of(Jid.of("nurse@example.org")).withName(Option.some("Nurse")).withGroups(Array.of("Servants")),
                ROMEO, limits).get().roster();
        romeos = romeos.outbound(Jid.of("nurse@example.org"), SubscriptionType.SUBSCRIBE, true).roster();
        romeos = romeos.inbound(Jid.of("nurse@example.org"), SubscriptionType.SUBSCRIBED).roster();
        romeos = romeos.set(RosterItem.of(Jid.of("juliet@example.org")).withName(Option.some("Juliet")).withGroups(Array.of("VIPs")),
                ROMEO, limits).get().roster();
        romeos = mutual(romeos, Jid.of("juliet@example.org"));

        Roster current = romeos;
        RosterReply reply = RosterRequests.handle(current, request(30), query(request(30)), ROMEO, limits);
        assertThat(element(reply.reply())).isEqualTo(expected(31).head());
        List<Element> interim = List.ofAll(reply.interim())
                .map(item -> comparablePush(element(RosterRequests.push(item, current.ver(), Jid.of("romeo@example.net/home"), "x"))));
        assertThat(interim).containsExactlyElementsOf(expected(32).map(RosterReplayTest::comparablePush));
    }

    @Test
    void anUnknownOrMissingVersionGetsTheWholeRoster() {
        for (String ver : List.of("", "ver999", "bogus")) {
            Iq get = Iq.of(dev.starling.model.stanza.IqType.GET, "g", new RosterQuery(Option.some(ver), Array.empty()))
                    .withFrom(Option.some(Jid.of("juliet@example.com/balcony")));
            RosterReply reply = RosterRequests.handle(juliets(), get, query(get), JULIET, RosterLimits.defaults());
            assertThat(reply.interim()).as(ver).isEmpty();
            assertThat(reply.reply().payload()).as(ver).contains(juliets().result());
        }
    }

    /** Both directions subscribed, as a real handshake makes it: subscribe, subscribed, and the reverse. */
    private static Roster mutual(Roster roster, Jid contact) {
        Roster r = roster.outbound(contact, SubscriptionType.SUBSCRIBE, true).roster();
        r = r.inbound(contact, SubscriptionType.SUBSCRIBED).roster();
        r = r.inbound(contact, SubscriptionType.SUBSCRIBE).roster();
        return r.outbound(contact, SubscriptionType.SUBSCRIBED, true).roster();
    }

    private static RosterReply handle(Roster roster, Iq request, RosterLimits limits) {
        return RosterRequests.handle(roster, request, query(request), JULIET, limits);
    }

    private static RosterQuery query(Iq request) {
        return request.payload().map(RosterQuery.class::cast).get();
    }

    private static List<Element> pushed(RosterChange change, Jid resource) {
        return List.ofAll(change.pushes()).map(item -> comparablePush(element(RosterRequests.push(item, change.roster().ver(), resource, "x"))));
    }

    private static Iq request(int example) {
        return (Iq) decode(SpeakerTurnsAccess.split(text(example)).get(0).text()).head();
    }

    private static List<Element> expected(int example) {
        return List.ofAll(SpeakerTurnsAccess.split(text(example))).flatMap(part -> decode(part.text())).map(RosterReplayTest::normalized);
    }

    private static String text(int example) {
        return SpecCorpus.read("rfc6121.json").examples().stream().filter(e -> e.number() == example).findFirst().get().text();
    }

    private static List<Stanza> decode(String xml) {
        return StreamReplay.events(xml, StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE)
                .filter(StreamEvent.TopLevelElement.class::isInstance)
                .map(event -> (Stanza) REGISTRY.typePayloads((Stanza) REGISTRY.decodeTopLevel(((StreamEvent.TopLevelElement) event).element(),
                        Namespaces.CLIENT).get(), Namespaces.CLIENT).get())
                .toList();
    }

    private static Element element(Stanza stanza) {
        return normalized(stanza);
    }

    private static Element normalized(Stanza stanza) {
        return normalized(REGISTRY.encode(stanza, Namespaces.CLIENT));
    }

    private static Element normalized(Element element) {
        return XmlEquivalence.normalize(element);
    }

    /** A push without the server's free choices: id, version and the optional 'from'. */
    private static Element comparablePush(Element push) {
        return withoutVer(push).withoutAttribute(dev.starling.model.element.QName.of("", "id"))
                .withoutAttribute(dev.starling.model.element.QName.of("", "from"));
    }

    /** An error reply without the human-readable text Starling adds and the 'from' it mirrors from the request's 'to'. */
    private static Element withoutTextAndFrom(Element iq) {
        Element error = iq.element(Namespaces.CLIENT, "error").get();
        return iq.withoutAttribute(dev.starling.model.element.QName.of("", "from")).replaceChildren(List.of(error.replaceChildren(
                error.elements().filter(child -> !child.localName().equals("text")))));
    }

    private static Element withoutVer(Element iq) {
        Element query = iq.element(RosterQuery.NAMESPACE, "query").get();
        return iq.replaceChildren(List.of(query.withoutAttribute(dev.starling.model.element.QName.of("", "ver"))));
    }

    private static RosterEntry entry(String jid, String name, SubscriptionState state, String... groups) {
        return new RosterEntry(Jid.of(jid), Option.some(name), Array.of(groups), new Subscription(state, false), 0);
    }

    private static Roster roster(RosterEntry... entries) {
        return rosterAt(0, entries);
    }

    private static Roster rosterAt(long version, RosterEntry... entries) {
        LinkedHashMap<Jid, RosterEntry> map = LinkedHashMap.empty();
        for (RosterEntry entry : entries) {
            map = map.put(entry.contact(), entry);
        }
        return new Roster(version, map, HashMap.empty(), 0, HashMap.empty());
    }
}
