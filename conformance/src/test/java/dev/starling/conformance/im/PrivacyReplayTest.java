package dev.starling.conformance.im;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.im.AccountEntity;
import dev.starling.machine.im.AccountInput;
import dev.starling.machine.im.AccountLimits;
import dev.starling.machine.im.AccountOutput;
import dev.starling.machine.im.AccountState;
import dev.starling.machine.presence.Subscription;
import dev.starling.machine.presence.SubscriptionState;
import dev.starling.machine.roster.Roster;
import dev.starling.machine.roster.RosterEntry;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import dev.starling.model.privacy.PrivacyQuery;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.version.SoftwareVersion;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static dev.starling.conformance.im.ExampleStanzas.normalized;
import static dev.starling.conformance.im.ExampleStanzas.stanzas;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0016 replayed through Romeo's account entity. His lists 'public', 'private' and 'special'
 * are created from Examples 4, 6 and 8, 'public' made the default and 'private' active for
 * 'orchard'; then Examples 1 to 28 run as request and answer (the error examples show only the
 * answer, so the request is the answer's query sent as a get or set; Starling's error texts and
 * the pushes' ids are left out of the comparison). Examples 29 to 48 define one list each: each
 * becomes orchard's active list, and a stanza of the kind it names is exchanged with the entity
 * it blocks and with one it does not, in the roster of Example 2's world: Juliet "both", Tybalt in
 * the group Enemies with no subscription, Benvolio "to", Mercutio "from", Paris unknown.
 */
class PrivacyReplayTest {

    private static final Jid ROMEO = Jid.of("romeo@example.net");
    private AccountState romeo;
    private int step;

    @BeforeEach
    void createTheListsOfExamples4To8() {
        Roster roster = new Roster(0, LinkedHashMap.<Jid, RosterEntry>empty()
                .put(Jid.of("juliet@example.com"), entry("juliet@example.com", SubscriptionState.BOTH, "Friends"))
                .put(Jid.of("tybalt@example.com"), entry("tybalt@example.com", SubscriptionState.NONE, "Enemies"))
                .put(Jid.of("benvolio@example.org"), entry("benvolio@example.org", SubscriptionState.TO, "Friends"))
                .put(Jid.of("mercutio@example.org"), entry("mercutio@example.org", SubscriptionState.FROM, "Friends")),
                HashMap.empty(), 0, HashMap.empty());
        romeo = AccountState.of(ROMEO, roster);
        romeo = feed(romeo, new AccountInput.ResourceBound("orchard")).state();
        for (int example : new int[] {4, 6, 8}) {
            PrivacyQuery list = ((Iq) stanzas("xep-0016", example).head()).firstChild(PrivacyQuery.class).get();
            romeo = feed(romeo, request(IqType.SET, list)).state();
        }
        romeo = feed(romeo, request(IqType.SET, query("<default name='public'/>"))).state();
        romeo = feed(romeo, request(IqType.SET, query("<active name='private'/>"))).state();
    }

    @Test
    void theNamesAndEachListAreExamples2To8() {
        assertThat(replies(feed(romeo, request(1)))).containsExactly(expected(2));
        assertThat(replies(feed(romeo, request(3)))).containsExactly(expected(4));
        assertThat(replies(feed(romeo, request(5)))).containsExactly(expected(6));
        assertThat(replies(feed(romeo, request(7)))).containsExactly(expected(8));
    }

    @Test
    void anUnknownListOrMoreThanOneIsRefusedAsExamples9And10() {
        assertThat(replies(feed(romeo, fromAnswer(9, IqType.GET)))).containsExactly(expected(9));
        assertThat(replies(feed(romeo, fromAnswer(10, IqType.GET)))).containsExactly(expected(10));
    }

    @Test
    void activeListsAreChosenAndDeclinedAsExamples11To15() {
        Step<AccountState, AccountOutput> active = feed(romeo, request(11));
        assertThat(replies(active)).containsExactly(expected(12));
        assertThat(active.state().privacy().active().get("orchard")).contains("special");
        assertThat(replies(feed(romeo, fromAnswer(13, IqType.SET)))).containsExactly(expected(13));
        Step<AccountState, AccountOutput> declined = feed(romeo, request(14));
        assertThat(replies(declined)).containsExactly(expected(15));
        assertThat(declined.state().privacy().active().containsKey("orchard")).isFalse();
    }

    @Test
    void theDefaultListChangesUnlessAnotherResourceUsesItAsExamples16To22() {
        Step<AccountState, AccountOutput> changed = feed(romeo, request(16));
        assertThat(replies(changed)).containsExactly(expected(17));
        assertThat(changed.state().privacy().defaultList()).contains("special");
        assertThat(replies(feed(romeo, fromAnswer(19, IqType.SET)))).containsExactly(expected(19));
        assertThat(replies(feed(romeo, request(20)))).containsExactly(expected(21));

        AccountState home = feed(romeo, new AccountInput.ResourceBound("home")).state(); // 'public' applies to home now
        assertThat(replies(feed(home, fromAnswer(18, IqType.SET)))).containsExactly(expected(18));
        assertThat(replies(feed(home, fromAnswer(22, IqType.SET)))).containsExactly(expected(22));
    }

    @Test
    void anEditIsStoredAnsweredAndPushedToEveryResourceAsExamples23To25() {
        AccountState home = feed(romeo, new AccountInput.ResourceBound("home")).state();
        Step<AccountState, AccountOutput> edited = feed(home, request(23));
        List<AccountOutput> outputs = List.ofAll(edited.outputs());
        assertThat(outputs.head()).isInstanceOf(AccountOutput.StorePrivacy.class);
        assertThat(replies(edited).head()).isEqualTo(expected(24));
        assertThat(replies(edited).tail().map(PrivacyReplayTest::withoutId))
                .containsExactlyElementsOf(stanzas("xep-0016", 25).map(ExampleStanzas::normalized).map(PrivacyReplayTest::withoutId));
    }

    @Test
    void aListIsRemovedAsExamples27And28UnlessAnotherResourceUsesIt() {
        Step<AccountState, AccountOutput> removed = feed(romeo, request(27));
        assertThat(replies(removed).head()).isEqualTo(expected(28));
        assertThat(removed.state().privacy().lists().containsKey("private")).isFalse();

        AccountState home = feed(feed(romeo, new AccountInput.ResourceBound("home")).state(), request(IqType.SET, query("<active name='private'/>"), "home")).state();
        assertThat(condition(replies(feed(home, request(27))).head())).isEqualTo("conflict");
    }

    @ParameterizedTest(name = "Example {0}: {1} blocks {2}, not {3}")
    @CsvSource({
        "29, message-in,            tybalt@example.com/pda,    juliet@example.com/balcony",
        "30, message-in,            tybalt@example.com/pda,    juliet@example.com/balcony",
        "31, message-in,            paris@example.org/ball,    juliet@example.com/balcony",
        "32, message-in,            juliet@example.com/balcony,",
        "33, presence-in,           tybalt@example.com/pda,    juliet@example.com/balcony",
        "34, presence-in,           tybalt@example.com/pda,    juliet@example.com/balcony",
        "35, presence-in,           benvolio@example.org/home, juliet@example.com/balcony",
        "36, presence-in,           juliet@example.com/balcony,",
        "37, presence-out-directed, tybalt@example.com/pda,    juliet@example.com/balcony",
        "38, presence-out-directed, tybalt@example.com/pda,    juliet@example.com/balcony",
        "39, presence-out-broadcast, mercutio@example.org,     juliet@example.com",
        "40, presence-out-broadcast, juliet@example.com,",
        "41, iq-in,                 tybalt@example.com/pda,    juliet@example.com/balcony",
        "42, iq-in,                 tybalt@example.com/pda,    juliet@example.com/balcony",
        "43, iq-in,                 paris@example.org/ball,    juliet@example.com/balcony",
        "44, iq-in,                 juliet@example.com/balcony,",
        "45, message-out,           tybalt@example.com/pda,    juliet@example.com/balcony",
        "46, message-out,           tybalt@example.com/pda,    juliet@example.com/balcony",
        "47, message-in,            paris@example.org/ball,    juliet@example.com/balcony",
        "48, iq-in,                 juliet@example.com/balcony,",
    })
    void eachExampleListBlocksWhatItNames(int example, String kind, String blocked, String allowed) {
        AccountState online = feed(romeo, new AccountInput.OutboundPresence(Presence.available().withFrom(Option.some(orchard())))).state();
        Iq define = (Iq) stanzas("xep-0016", example).head();
        String name = define.firstChild(PrivacyQuery.class).get().lists().head().name();
        AccountState listed = feed(online, request(IqType.SET, define.firstChild(PrivacyQuery.class).get())).state();
        AccountState active = feed(listed, request(IqType.SET, query("<active name='" + name + "'/>"))).state();

        assertThat(passes(active, kind, Jid.of(blocked))).as("blocked: " + blocked).isFalse();
        if (allowed != null) {
            assertThat(passes(active, kind, Jid.of(allowed))).as("not blocked: " + allowed).isTrue();
        }
    }

    @Test
    void aBlockedEntitysIqGetIsAnsweredAsExample50AndAnOutboundMessageAsExample51() {
        AccountState listed = feed(romeo, request(IqType.SET, ((Iq) stanzas("xep-0016", 45).head()).firstChild(PrivacyQuery.class).get())).state();
        AccountState blocking = feed(listed, request(IqType.SET, query("<default name='all-jid-example'/>"))).state();
        Iq probing = (Iq) stanzas("xep-0016", 49).head();
        List<AccountOutput> answer = List.ofAll(feed(blocking, new AccountInput.InboundIq(probing)).outputs());
        assertThat(answer.map(o -> withoutText(normalized(((AccountOutput.ToContact) o).stanza())))).containsExactly(expected(50));

        Message refused = (Message) stanzas("xep-0016", 51).head();
        Message sent = new Message(Option.none(), Option.none(), Option.some(refused.to().get()), Option.some(Jid.of("tybalt@example.com")),
                Option.none(), refused.children().filter(c -> !(c instanceof dev.starling.model.stanza.StanzaError)));
        AccountState juliet = feed(AccountState.of(refused.to().get().bare(), Roster.empty()), new AccountInput.ResourceBound("balcony")).state();
        juliet = feed(juliet, request(IqType.SET, ((Iq) stanzas("xep-0016", 45).head()).firstChild(PrivacyQuery.class).get(), "balcony",
                refused.to().get().bare())).state();
        juliet = feed(juliet, request(IqType.SET, query("<active name='all-jid-example'/>"), "balcony", refused.to().get().bare())).state();
        List<AccountOutput> bounced = List.ofAll(feed(juliet, new AccountInput.OutboundStanza(
                sent.withFrom(Option.some(refused.to().get().withResource("balcony").get())).withTo(Option.some(Jid.of("tybalt@example.com"))))).outputs());
        Element error = withoutText(normalized(((AccountOutput.ToResource) bounced.single()).stanza()));
        assertThat(condition(error)).as("Example 51's condition").isEqualTo("not-acceptable");
        assertThat(error.attribute("type")).contains("error");
    }

    /** Whether a stanza of the kind, exchanged with the peer, gets through Romeo's lists. */
    private boolean passes(AccountState state, String kind, Jid peer) {
        Jid full = peer.resource().isDefined() ? peer : peer.withResource("x").get();
        return switch (kind) {
            case "message-in" -> delivered(feed(state, new AccountInput.InboundMessage(Message.chat(orchard(), "hi").withFrom(Option.some(full)))));
            case "presence-in" -> delivered(feed(state, new AccountInput.InboundPresence(Presence.available().withFrom(Option.some(full))
                    .withTo(Option.some(ROMEO)))));
            case "iq-in" -> delivered(feed(state, new AccountInput.InboundIq(Iq.of(IqType.GET, "v1", new SoftwareVersion(Option.none(), Option.none(), Option.none()))
                    .withFrom(Option.some(full)).withTo(Option.some(orchard())))));
            case "presence-out-directed" -> sentOn(feed(state, new AccountInput.OutboundPresence(Presence.available().withFrom(Option.some(orchard()))
                    .withTo(Option.some(full)))), peer);
            case "presence-out-broadcast" -> sentOn(feed(state, new AccountInput.OutboundPresence(Presence.available().withFrom(Option.some(orchard())))), peer);
            case "message-out" -> sentOn(feed(state, new AccountInput.OutboundStanza(Message.chat(full, "hi").withFrom(Option.some(orchard())))), peer);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static boolean delivered(Step<AccountState, AccountOutput> step) {
        return List.ofAll(step.outputs()).exists(o -> o instanceof AccountOutput.ToResource to && to.resource().equals("orchard"));
    }

    private static boolean sentOn(Step<AccountState, AccountOutput> step, Jid peer) {
        return List.ofAll(step.outputs()).exists(o -> o instanceof AccountOutput.ToContact to && to.stanza().to().exists(t -> t.bare().equals(peer.bare())));
    }

    private static Jid orchard() {
        return ROMEO.withResource("orchard").get();
    }

    private AccountInput request(int example) {
        Iq iq = (Iq) stanzas("xep-0016", example).head();
        return new AccountInput.PrivacyRequest("orchard", iq, iq.firstChild(PrivacyQuery.class).get());
    }

    /** The request an error example answers: its query, sent by orchard. */
    private AccountInput fromAnswer(int example, IqType type) {
        Iq answer = (Iq) stanzas("xep-0016", example).head();
        return request(type, answer.firstChild(PrivacyQuery.class).get(), "orchard", ROMEO, answer.iqId());
    }

    /** A list that would take the account over its rule limit is resource-constraint, and the lists stay as they were. */
    @Test
    void aListBeyondTheRuleLimitIsResourceConstraint() {
        int held = romeo.privacy().lists().values().map(list -> list.rules().size()).sum().intValue();
        PrivacyQuery extra = query("<list name='extra'><item type='jid' value='tybalt@example.com' action='deny' order='1'/></list>");
        Iq iq = Iq.of(IqType.SET, "over", extra).withFrom(Option.some(ROMEO.withResource("orchard").get()));
        var outcome = dev.starling.machine.privacy.PrivacyRequests.handle(romeo.privacy(), romeo.roster(), romeo.connected(), "orchard",
                iq, extra, held);
        assertThat(outcome.reply().error().map(e -> e.condition())).contains(dev.starling.model.stanza.StanzaErrorCondition.RESOURCE_CONSTRAINT);
        assertThat(outcome.privacy()).isEqualTo(romeo.privacy());
        assertThat(outcome.store()).isFalse();
        assertThat(dev.starling.machine.privacy.PrivacyRequests.handle(romeo.privacy(), romeo.roster(), romeo.connected(), "orchard",
                iq, extra, held + 1).reply().type()).as("one rule more fits").isEqualTo(IqType.RESULT);
    }

    private AccountInput request(IqType type, PrivacyQuery query) {
        return request(type, query, "orchard");
    }

    private AccountInput request(IqType type, PrivacyQuery query, String resource) {
        return request(type, query, resource, ROMEO);
    }

    private AccountInput request(IqType type, PrivacyQuery query, String resource, Jid account) {
        return request(type, query, resource, account, "set-" + step);
    }

    private AccountInput request(IqType type, PrivacyQuery query, String resource, Jid account, String id) {
        Iq iq = Iq.of(type, id, query).withFrom(Option.some(account.withResource(resource).get()));
        return new AccountInput.PrivacyRequest(resource, iq, query);
    }

    private static PrivacyQuery query(String children) {
        return ((Iq) ExampleStanzas.decode("<iq type='set' id='q'><query xmlns='jabber:iq:privacy'>" + children + "</query></iq>").head())
                .firstChild(PrivacyQuery.class).get();
    }

    private Step<AccountState, AccountOutput> feed(AccountState state, AccountInput input) {
        step++;
        return AccountEntity.step(state, input, AccountLimits.defaults(),
                new Fresh(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(step), String.format("%096d", step)));
    }

    private static List<Element> replies(Step<AccountState, AccountOutput> step) {
        return List.ofAll(step.outputs()).filter(AccountOutput.ToResource.class::isInstance)
                .map(o -> withoutText(normalized(((AccountOutput.ToResource) o).stanza())));
    }

    private static Element expected(int example) {
        return normalized(stanzas("xep-0016", example).head());
    }

    private static RosterEntry entry(String jid, SubscriptionState state, String group) {
        return new RosterEntry(Jid.of(jid), Option.none(), Array.of(group), new Subscription(state, false), 0);
    }

    private static Element withoutId(Element element) {
        return element.withoutAttribute(QName.of("", "id"));
    }

    /** An error reply without the human-readable text Starling adds. */
    private static Element withoutText(Element stanza) {
        Option<Element> error = stanza.element(Namespaces.CLIENT, "error");
        if (error.isEmpty()) {
            return stanza;
        }
        return stanza.replaceChildren(stanza.elements().map(child -> child.equals(error.get())
                ? error.get().replaceChildren(error.get().elements().filter(e -> !e.localName().equals("text"))) : child));
    }

    private static String condition(Element reply) {
        return reply.element(Namespaces.CLIENT, "error").get().elements().head().localName();
    }
}
