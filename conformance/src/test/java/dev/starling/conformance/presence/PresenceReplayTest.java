package dev.starling.conformance.presence;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEquivalence;
import dev.starling.conformance.corpus.SpeakerTurnsAccess;
import dev.starling.conformance.corpus.SpecCorpus;
import dev.starling.conformance.corpus.StreamReplay;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.im.AccountEntity;
import dev.starling.machine.im.AccountInput;
import dev.starling.machine.im.AccountOutput;
import dev.starling.machine.im.AccountLimits;
import dev.starling.machine.im.AccountState;
import dev.starling.machine.presence.Subscription;
import dev.starling.machine.presence.SubscriptionState;
import dev.starling.machine.roster.Roster;
import dev.starling.machine.roster.RosterEntry;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import dev.starling.model.stanza.Stanza;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6121 §4 replayed through the account entity: the presence a client sends (UC:, CC:) goes
 * in, and what the server sends its contacts and its own resources (US:, CS:) must be the RFC's.
 * Juliet's roster is the one of Example 9 (Romeo and Benvolio "both", Mercutio "from"); Romeo's
 * has Juliet as "both". Where the RFC's examples abbreviate or disagree with each other, the
 * comparison says so: the 'to' of presence to the user's own resources (Example 63 writes the
 * bare JID, Example 80 the full JIDs Starling uses), the order of broadcast to contacts (62 and
 * 79 differ), and the 'to' that Examples 74 to 77 leave out.
 */
class PresenceReplayTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final Jid JULIET = Jid.of("juliet@example.com");
    private static final Jid ROMEO = Jid.of("romeo@example.net");
    private int step;

    /** §4.2: initial presence goes to every subscriber and every own resource, and probes every contact Juliet is subscribed to. */
    @Test
    void initialPresenceIsBroadcastAndProbes() {
        AccountState juliet = juliets();
        juliet = feed(juliet, available("chamber", Presence.available())).state();

        List<AccountOutput> out = List.ofAll(feed(juliet, available("balcony", clientPresence(61))).outputs());
        assertThat(toContact(out).filter(p -> p.attribute("type").isEmpty())).containsExactlyElementsOf(expected(62));
        assertThat(toResources(out).map(PresenceReplayTest::withoutTo)).containsExactlyInAnyOrderElementsOf(
                expected(63).map(PresenceReplayTest::withoutTo));
        assertThat(toContact(out).filter(p -> p.attribute("type").contains("probe")))
                .as("§4.3.1: from the bare JID to the contacts Juliet is subscribed to (Romeo and Benvolio)")
                .extracting(p -> p.attribute("from").get() + " -> " + p.attribute("to").get())
                .containsExactly("juliet@example.com -> romeo@example.net", "juliet@example.com -> benvolio@example.net");
    }

    /** §4.3.2: Romeo's server answers Juliet's probe with each resource's last presence (Example 70). */
    @Test
    void aProbeFromASubscriberGetsEachResourcesPresence() {
        AccountState romeo = AccountState.of(ROMEO, roster(entry(JULIET, SubscriptionState.BOTH)));
        romeo = feed(romeo, available(ROMEO, "foo", Presence.available().withId(Option.some("hzf1v27k")))).state();
        romeo = feed(romeo, available(ROMEO, "bar", (Presence) decode(
                "<presence id='ps6t1fu3'><show>away</show></presence>").head())).state();

        List<AccountOutput> answer = List.ofAll(feed(romeo, new AccountInput.InboundPresence((Presence) decode(text(66)).head())).outputs());
        assertThat(toContact(answer)).containsExactlyElementsOf(expected(70));
    }

    /** §4.3.2: a prober that is not a subscriber learns nothing but "unsubscribed", from the bare JID (Example 67). */
    @Test
    void aProbeFromANonSubscriberGetsUnsubscribed() {
        AccountState mercutio = AccountState.of(Jid.of("mercutio@example.com"), roster(entry(JULIET, SubscriptionState.TO)));
        mercutio = feed(mercutio, available(Jid.of("mercutio@example.com"), "home", Presence.available())).state();

        List<AccountOutput> answer = List.ofAll(feed(mercutio, new AccountInput.InboundPresence((Presence) decode(text(66)).get(1))).outputs());
        assertThat(toContact(answer)).containsExactlyElementsOf(expected(67));
    }

    /** §4.3.2.1: the answers keep the ids of the client's presence; with nobody online, unavailable mirrors the probe's id. */
    @Test
    void probeAnswersKeepOrMirrorIds() {
        AccountState juliet = AccountState.of(JULIET, roster(entry(ROMEO, SubscriptionState.BOTH)));
        juliet = feed(juliet, available("chamber", clientPresence(72))).state();
        juliet = feed(juliet, available("balcony", clientPresence(73))).state();

        Presence probe1 = ((Presence) decode(text(74)).head()).withTo(Option.some(JULIET));
        List<AccountOutput> online = List.ofAll(feed(juliet, new AccountInput.InboundPresence(probe1)).outputs());
        assertThat(toContact(online).map(PresenceReplayTest::withoutTo)).containsExactlyElementsOf(expected(75));

        AccountState offline = AccountState.of(JULIET, roster(entry(ROMEO, SubscriptionState.BOTH)));
        Presence probe2 = ((Presence) decode(text(76)).head()).withTo(Option.some(JULIET));
        List<AccountOutput> nobody = List.ofAll(feed(offline, new AccountInput.InboundPresence(probe2)).outputs());
        assertThat(toContact(nobody).map(PresenceReplayTest::withoutTo)).containsExactlyElementsOf(expected(77));
    }

    /**
     * §4.3.2: a subscriber's probe to an account with no available resource is answered with
     * unavailable presence from the bare JID, stamped with XEP-0203 delay at the time its last
     * resource went offline (Example 69, Mercutio gone at the Example's stamp).
     */
    @Test
    void aProbeToAnOfflineAccountIsStampedWithWhenItWent() {
        Jid mercutioJid = Jid.of("mercutio@example.com");
        AccountState mercutio = AccountState.of(mercutioJid, roster(entry(JULIET, SubscriptionState.FROM)));
        mercutio = feed(mercutio, available(mercutioJid, "home", Presence.available())).state();
        mercutio = AccountEntity.step(mercutio, new AccountInput.ResourceGone("home"), AccountLimits.defaults(),
                new Fresh(Instant.parse("2002-09-10T23:41:07Z"), "0".repeat(96))).state();

        List<AccountOutput> answer = List.ofAll(feed(mercutio, new AccountInput.InboundPresence((Presence) decode(text(66)).get(1))).outputs());
        assertThat(toContact(answer)).containsExactlyElementsOf(expected(69));
    }

    /** §4.4 and §4.5: an update and unavailable presence reach every subscriber and every own resource (Examples 78 to 85). */
    @Test
    void updatesAndUnavailablePresenceAreBroadcast() {
        AccountState juliet = juliets();
        juliet = feed(juliet, available("chamber", Presence.available())).state();
        juliet = feed(juliet, available("balcony", Presence.available())).state();

        Step<AccountState, AccountOutput> away = feed(juliet, available("balcony", clientPresence(78)));
        assertThat(toContact(List.ofAll(away.outputs()))).containsExactlyInAnyOrderElementsOf(expected(79));
        assertThat(toResources(List.ofAll(away.outputs()))).containsExactlyInAnyOrderElementsOf(expected(80));

        Step<AccountState, AccountOutput> gone = feed(away.state(), available("balcony", clientPresence(83)));
        assertThat(toContact(List.ofAll(gone.outputs()))).containsExactlyInAnyOrderElementsOf(expected(84));
        assertThat(toResources(List.ofAll(gone.outputs()))).containsAll(expected(85));
        assertThat(gone.state().available().keySet()).containsExactly("chamber");
    }

    /** §4.2.3, §4.4.3, §4.5.3: a contact's presence reaches each of the user's available resources as sent (Examples 64, 81, 86). */
    @Test
    void inboundPresenceReachesEveryAvailableResource() {
        AccountState romeo = AccountState.of(ROMEO, roster(entry(JULIET, SubscriptionState.BOTH)));
        romeo = feed(romeo, available(ROMEO, "foo", Presence.available())).state();
        romeo = feed(romeo, available(ROMEO, "bar", Presence.available())).state();
        for (int example : new int[]{64, 81, 86}) {
            Presence arriving = (Presence) decode(text(example)).head();
            List<AccountOutput> out = List.ofAll(feed(romeo, new AccountInput.InboundPresence(arriving)).outputs());
            assertThat(toResources(out)).as("Example " + example).containsExactlyElementsOf(expected(example));
        }
    }

    /** §4.6 and §4.5.2: directed presence is remembered, and a session that ends unannounced becomes unavailable to everyone who saw it. */
    @Test
    void aLostSessionBecomesUnavailableToSubscribersAndDirectedRecipients() {
        AccountState romeo = AccountState.of(ROMEO, roster(entry(JULIET, SubscriptionState.BOTH)));
        romeo = feed(romeo, available(ROMEO, "bar", Presence.available())).state();
        Presence directed = ((Presence) decode(text(71)).head());
        Step<AccountState, AccountOutput> sent = feed(romeo, new AccountInput.OutboundPresence(directed));
        assertThat(toContact(List.ofAll(sent.outputs()))).containsExactlyElementsOf(expected(71));

        List<AccountOutput> lost = List.ofAll(feed(sent.state(), new AccountInput.ResourceGone("bar")).outputs());
        assertThat(toContact(lost)).extracting(p -> p.attribute("to").get() + " " + p.attribute("type").get())
                .containsExactly("juliet@example.com unavailable", "lobby@chat.example.com unavailable");
    }

    /** §4.6.2 case 3: directed presence from a resource that never sent initial presence is withdrawn when it goes. */
    @Test
    void directedPresenceBeforeInitialPresenceIsWithdrawnWhenTheSessionEndsOrItSendsUnavailable() {
        AccountState romeo = AccountState.of(ROMEO, roster(entry(JULIET, SubscriptionState.BOTH)));
        Presence directed = ((Presence) decode(text(71)).head());
        Step<AccountState, AccountOutput> sent = feed(romeo, new AccountInput.OutboundPresence(directed));
        assertThat(toContact(List.ofAll(sent.outputs()))).containsExactlyElementsOf(expected(71));

        List<AccountOutput> lost = List.ofAll(feed(sent.state(), new AccountInput.ResourceGone("bar")).outputs());
        assertThat(toContact(lost)).extracting(p -> p.attribute("to").get() + " " + p.attribute("type").get())
                .containsExactly("lobby@chat.example.com unavailable"); // not Juliet: she never saw him available

        Presence unavailable = Presence.of(PresenceType.UNAVAILABLE).withFrom(directed.from());
        Step<AccountState, AccountOutput> withdrawn = feed(sent.state(), new AccountInput.OutboundPresence(unavailable));
        assertThat(toContact(List.ofAll(withdrawn.outputs()))).extracting(p -> p.attribute("to").get())
                .containsExactly("lobby@chat.example.com");
        assertThat(toContact(List.ofAll(feed(withdrawn.state(), new AccountInput.ResourceGone("bar")).outputs()))).isEmpty();
    }

    private static AccountState juliets() {
        return AccountState.of(JULIET, roster(entry(ROMEO, SubscriptionState.BOTH), entry(Jid.of("mercutio@example.com"), SubscriptionState.FROM),
                entry(Jid.of("benvolio@example.net"), SubscriptionState.BOTH)));
    }

    private Step<AccountState, AccountOutput> feed(AccountState state, AccountInput input) {
        step++;
        return AccountEntity.step(state, input, AccountLimits.defaults(),
                new Fresh(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(step), String.format("%096d", step)));
    }

    private static AccountInput available(String resource, Presence presence) {
        return available(JULIET, resource, presence);
    }

    private static AccountInput available(Jid account, String resource, Presence presence) {
        return new AccountInput.OutboundPresence(presence.withFrom(Option.some(account.withResource(resource).get())));
    }

    /** A client's presence as its server receives it: 'from' is stamped (balcony unless the example names one). */
    private static Presence clientPresence(int example) {
        Presence presence = (Presence) decode(text(example)).head();
        return presence.from().isDefined() ? presence : presence.withFrom(Option.some(JULIET.withResource("balcony").get()));
    }

    private static RosterEntry entry(Jid contact, SubscriptionState state) {
        return new RosterEntry(contact, Option.none(), Array.empty(), new Subscription(state, false), 0);
    }

    private static Roster roster(RosterEntry... entries) {
        LinkedHashMap<Jid, RosterEntry> map = LinkedHashMap.empty();
        for (RosterEntry entry : entries) {
            map = map.put(entry.contact(), entry);
        }
        return new Roster(0, map, HashMap.empty(), 0, HashMap.empty());
    }

    private static List<Element> toContact(List<AccountOutput> outputs) {
        return outputs.filter(AccountOutput.ToContact.class::isInstance).map(o -> normalized(((AccountOutput.ToContact) o).stanza()));
    }

    private static List<Element> toResources(List<AccountOutput> outputs) {
        return outputs.filter(o -> o instanceof AccountOutput.ToResource r && r.stanza() instanceof Presence)
                .map(o -> normalized(((AccountOutput.ToResource) o).stanza()));
    }

    private static Element withoutTo(Element presence) {
        return presence.withoutAttribute(QName.of("", "to"));
    }

    private static List<Element> expected(int example) {
        return decode(text(example)).map(PresenceReplayTest::normalized);
    }

    /** The example without the RFC's narrative lines such as {@code [ ... to resource1 ... ]}. */
    private static String text(int example) {
        return SpecCorpus.read("rfc6121.json").examples().stream().filter(e -> e.number() == example).findFirst().get().text()
                .replaceAll("(?m)^\\[.*\\]\\s*$", "");
    }

    private static List<Stanza> decode(String text) {
        return List.ofAll(SpeakerTurnsAccess.split(text)).flatMap(part -> StreamReplay.events(part.text(), StreamReplay.CLIENT_HEADER,
                        Integer.MAX_VALUE))
                .filter(StreamEvent.TopLevelElement.class::isInstance)
                .map(event -> REGISTRY.typePayloads((Stanza) REGISTRY.decodeTopLevel(((StreamEvent.TopLevelElement) event).element(),
                        Namespaces.CLIENT).get(), Namespaces.CLIENT).get());
    }

    private static Element normalized(Stanza stanza) {
        return XmlEquivalence.normalize(REGISTRY.encode(stanza, Namespaces.CLIENT));
    }
}
