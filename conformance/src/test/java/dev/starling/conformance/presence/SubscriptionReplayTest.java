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
import dev.starling.machine.roster.Roster;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.RosterQuery;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.Stanza;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6121 §3 replayed through two account entities on the server: Romeo (resources foo and bar)
 * and Juliet (balcony and chamber), all of them online with the roster requested. Each example a
 * client sends (UC:, CC:) goes into its account's entity; what the entity routes to the contact
 * must be the RFC's server-to-contact stanza (US:, CS:), and that stanza goes into the contact's
 * entity, whose pushes must be the RFC's pushes. Compared without push ids and versions (the
 * server's free choice). The presence the flows trigger is checked too: an approval sends the
 * contact each available resource's presence (§3.1.5, Examples 42 and 45), a cancellation
 * unavailable presence (Examples 47 and 57, compared without ids and 'to').
 */
class SubscriptionReplayTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final Jid ROMEO = Jid.of("romeo@example.net");
    private static final Jid JULIET = Jid.of("juliet@example.com");

    private AccountState romeo;
    private AccountState juliet;
    private int step;

    @BeforeEach
    void online() {
        romeo = AccountState.of(ROMEO, Roster.empty());
        juliet = AccountState.of(JULIET, Roster.empty());
        for (String resource : List.of("foo", "bar")) {
            romeo = feed(romeo, rosterGet(ROMEO, resource)).state();
            romeo = feed(romeo, available(ROMEO, resource, "r-" + resource)).state();
        }
        // Juliet's presence carries the ids Example 42 shows it with
        juliet = feed(juliet, rosterGet(JULIET, "balcony")).state();
        juliet = feed(juliet, available(JULIET, "balcony", "pw72bc5j")).state();
        juliet = feed(juliet, rosterGet(JULIET, "chamber")).state();
        juliet = feed(juliet, available(JULIET, "chamber", "ux31da4q")).state();
    }

    /** §3.1: request (33 to 36), approval (38, 40, 41), and the approval reaching Romeo (43, 44). */
    @Test
    void aSubscriptionRequestAndItsApproval() {
        List<AccountOutput> sent = romeoSends(33);
        assertThat(toContact(sent)).containsExactlyElementsOf(expected(34));
        assertThat(pushes(sent)).containsExactlyElementsOf(expectedPushes(36));

        List<AccountOutput> arrived = julietReceives(toContact(sent).head());
        assertThat(delivered(arrived)).as("the request reaches both of Juliet's resources")
                .hasSize(2).allSatisfy(p -> assertThat(p).isEqualTo(normalized(presence(ROMEO, JULIET, "subscribe", "xk3h1v69"))));
        assertThat(pushes(arrived)).as("no item for a contact who only asked (§3.1.3)").isEmpty();

        List<AccountOutput> approved = julietSends(38);
        assertThat(toContact(approved)).as("the approval, then Juliet's presence (§3.1.5)")
                .containsExactlyElementsOf(expected(40).appendAll(expected(42)));
        assertThat(pushes(approved)).containsExactlyElementsOf(expectedPushes(41));

        List<AccountOutput> back = romeoReceives(toContact(approved).head());
        assertThat(delivered(back)).hasSize(2).allSatisfy(p -> assertThat(p).isEqualTo(expected(43).head()));
        assertThat(pushes(back)).containsExactlyElementsOf(expectedPushes(44));

        List<Element> toRomeosResources = toContact(approved).tail().flatMap(presence -> delivered(romeoReceives(presence)));
        assertThat(toRomeosResources).as("Example 45: each of Juliet's presences to each of Romeo's resources")
                .containsExactlyElementsOf(expected(45));
    }

    /**
     * §3.1.4 and §3.1.5: Juliet denies Romeo's request (Example 39). Her server routes the
     * unsubscribed from her bare JID and pushes nothing (she has no item for him); Romeo's server
     * delivers it to each of his resources and pushes, to each, his item back to "none" without the pending
     * ask (Table 4, None + Pending Out).
     */
    @Test
    void denyingARequest() {
        julietReceives(toContact(romeoSends(33)).head());
        List<AccountOutput> denied = julietSends(39);
        assertThat(toContact(denied)).containsExactly(normalized(presence(JULIET, ROMEO, "unsubscribed", "tb2m1b59")));
        assertThat(pushes(denied)).as("no item for a contact who only asked").isEmpty();

        List<AccountOutput> learnt = romeoReceives(toContact(denied).head());
        assertThat(delivered(learnt)).hasSize(2).allSatisfy(p -> assertThat(p).isEqualTo(toContact(denied).head()));
        assertThat(pushes(learnt)).as("a push to each of Romeo's two interested resources").hasSize(2).allSatisfy(push -> {
            Element item = push.element(RosterQuery.NAMESPACE, "query").get().element(RosterQuery.NAMESPACE, "item").get();
            assertThat(item.attribute("subscription")).contains("none");
            assertThat(item.attribute("ask")).as("the request is no longer pending").isEmpty();
        });
        assertThat(romeo.roster().entries().get(JULIET).get().subscription().state()).isEqualTo(dev.starling.machine.presence.SubscriptionState.NONE);
    }

    /** §3.2: Juliet cancels Romeo's subscription (46, 48, 49), and Romeo's server learns it (50, 51). */
    @Test
    void cancellingASubscription() {
        aSubscriptionRequestAndItsApproval();
        List<AccountOutput> cancelled = julietSends(46);
        assertThat(toContact(cancelled).head()).isEqualTo(expected(48).head());
        assertThat(toContact(cancelled).tail().map(SubscriptionReplayTest::withoutIdAndTo))
                .as("Example 47: unavailable from each of Juliet's resources").containsExactlyElementsOf(expected(47)
                        .map(SubscriptionReplayTest::withoutIdAndTo));
        assertThat(pushes(cancelled)).containsExactlyElementsOf(expectedPushes(49));

        List<AccountOutput> learnt = romeoReceives(toContact(cancelled).head());
        assertThat(delivered(learnt)).hasSize(2).allSatisfy(p -> assertThat(p).isEqualTo(expected(50).head()));
        assertThat(pushes(learnt)).containsExactlyElementsOf(expectedPushes(51));
    }

    /** §3.3: Romeo unsubscribes (52 to 54), and Juliet's server removes his subscription (55, 56). */
    @Test
    void unsubscribing() {
        aSubscriptionRequestAndItsApproval();
        List<AccountOutput> unsubscribed = romeoSends(52);
        assertThat(toContact(unsubscribed)).containsExactlyElementsOf(expected(53));
        assertThat(pushes(unsubscribed)).containsExactlyElementsOf(expectedPushes(54));

        List<AccountOutput> removed = julietReceives(toContact(unsubscribed).head());
        assertThat(pushes(removed)).containsExactlyElementsOf(expectedPushes(56));
        assertThat(delivered(removed)).hasSize(2).allSatisfy(p -> assertThat(p).isEqualTo(expected(55).head()));
        assertThat(toContact(removed).head()).as("the auto-reply of Table 7 [1]")
                .isEqualTo(normalized(presence(JULIET, ROMEO, "unsubscribed", null)));
        assertThat(toContact(removed).tail().map(SubscriptionReplayTest::withoutIdAndTo))
                .as("Example 57: unavailable from each of Juliet's resources")
                .containsExactlyElementsOf(expected(57).map(SubscriptionReplayTest::withoutIdAndTo));
    }

    /** §3.4: a pre-approval is pushed with approved='true' and never routed (59, 60); Juliet's later request is answered by the server. */
    @Test
    void preApproval() {
        List<AccountOutput> approval = romeoSends(59);
        assertThat(toContact(approval)).as("MUST NOT route a pre-approval").isEmpty();
        assertThat(pushes(approval)).contains(expectedPushes(60).head());

        List<AccountOutput> request = romeoReceives(normalized(presence(JULIET, ROMEO, "subscribe", "r1")));
        assertThat(delivered(request)).as("a pre-approved request is not delivered").isEmpty();
        assertThat(toContact(request).head()).isEqualTo(normalized(presence(ROMEO, JULIET, "subscribed", null)));
        assertThat(toContact(request).tail()).as("and, as for any approval, Romeo's presence (§3.1.5)")
                .extracting(p -> p.attribute("from").get()).containsExactly("romeo@example.net/foo", "romeo@example.net/bar");
    }

    /** §3.1.1: a subscription stanza names another entity; one to the account itself is bad-request and changes nothing. */
    @Test
    void aSubscriptionToOneselfIsBadRequest() {
        Presence toSelf = Presence.of(dev.starling.model.stanza.PresenceType.SUBSCRIBE).withId(Option.some("self1"))
                .withFrom(Option.some(Jid.of("romeo@example.net/foo"))).withTo(Option.some(ROMEO));
        Step<AccountState, AccountOutput> s = feed(romeo, new AccountInput.OutboundSubscription(toSelf));
        assertThat(List.ofAll(s.outputs())).singleElement().isInstanceOfSatisfying(AccountOutput.ToResource.class, reply -> {
            assertThat(reply.resource()).isEqualTo("foo");
            assertThat(reply.stanza().error().map(e -> e.condition())).contains(dev.starling.model.stanza.StanzaErrorCondition.BAD_REQUEST);
            assertThat(reply.stanza().id()).contains("self1");
        });
        assertThat(s.state().roster()).isEqualTo(romeo.roster());
    }

    /** §3.1.3: a request that finds no available resource waits and is delivered when one comes online. */
    @Test
    void aRequestWaitsForAnAvailableResource() {
        juliet = AccountState.of(JULIET, Roster.empty());
        List<AccountOutput> arrived = julietReceives(normalized(presence(ROMEO, JULIET, "subscribe", "w1")));
        assertThat(delivered(arrived)).isEmpty();

        Step<AccountState, AccountOutput> online = feed(juliet, available(JULIET, "balcony", "a1"));
        assertThat(delivered(List.ofAll(online.outputs()))).as("her own presence (§4.2.2), then the request that waited")
                .containsExactly(normalized(Presence.available().withId(Option.some("a1"))
                                .withFrom(Option.some(Jid.of("juliet@example.com/balcony"))).withTo(Option.some(Jid.of("juliet@example.com/balcony")))),
                        normalized(presence(ROMEO, JULIET, "subscribe", null)));
    }

    private List<AccountOutput> romeoSends(int example) {
        Step<AccountState, AccountOutput> s = feed(romeo, new AccountInput.OutboundSubscription(clientPresence(example, ROMEO, "foo")));
        romeo = s.state();
        return List.ofAll(s.outputs());
    }

    private List<AccountOutput> julietSends(int example) {
        Step<AccountState, AccountOutput> s = feed(juliet, new AccountInput.OutboundSubscription(clientPresence(example, JULIET, "balcony")));
        juliet = s.state();
        return List.ofAll(s.outputs());
    }

    private List<AccountOutput> romeoReceives(Element element) {
        Presence presence = (Presence) decodeElement(element);
        Step<AccountState, AccountOutput> s = feed(romeo, presence.type().flatMap(dev.starling.machine.presence.SubscriptionType::of).isDefined()
                ? new AccountInput.InboundSubscription(presence) : new AccountInput.InboundPresence(presence));
        romeo = s.state();
        return List.ofAll(s.outputs());
    }

    private List<AccountOutput> julietReceives(Element presence) {
        Step<AccountState, AccountOutput> s = feed(juliet, new AccountInput.InboundSubscription((Presence) decodeElement(presence)));
        juliet = s.state();
        return List.ofAll(s.outputs());
    }

    private Step<AccountState, AccountOutput> feed(AccountState state, AccountInput input) {
        step++;
        return AccountEntity.step(state, input, AccountLimits.defaults(),
                new Fresh(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(step), String.format("%096d", step)));
    }

    /** The client's stanza as its server receives it: 'from' stamped with the sending resource. */
    private static Presence clientPresence(int example, Jid account, String resource) {
        return ((Presence) decode(text(example)).head()).withFrom(Option.some(account.withResource(resource).get()));
    }

    private static AccountInput available(Jid account, String resource, String id) {
        return new AccountInput.OutboundPresence(Presence.available().withId(Option.some(id))
                .withFrom(Option.some(account.withResource(resource).get())));
    }

    /** Presence without the id the client chose and the 'to' the server addressed it with (Examples 47 and 57 differ there). */
    private static Element withoutIdAndTo(Element presence) {
        return presence.withoutAttribute(QName.of("", "id")).withoutAttribute(QName.of("", "to"));
    }

    private static AccountInput rosterGet(Jid account, String resource) {
        Iq get = Iq.of(IqType.GET, "r-" + resource, RosterQuery.get()).withFrom(Option.some(account.withResource(resource).get()));
        return new AccountInput.RosterRequest(resource, get, RosterQuery.get());
    }

    private static List<Element> toContact(List<AccountOutput> outputs) {
        return outputs.filter(AccountOutput.ToContact.class::isInstance).map(o -> normalized(((AccountOutput.ToContact) o).stanza()));
    }

    private static List<Element> delivered(List<AccountOutput> outputs) {
        return outputs.filter(o -> o instanceof AccountOutput.ToResource r && r.stanza() instanceof Presence)
                .map(o -> normalized(((AccountOutput.ToResource) o).stanza()));
    }

    private static List<Element> pushes(List<AccountOutput> outputs) {
        return outputs.filter(o -> o instanceof AccountOutput.ToResource r && r.stanza() instanceof Iq iq && iq.type() == IqType.SET)
                .map(o -> comparablePush(normalized(((AccountOutput.ToResource) o).stanza())));
    }

    private static List<Element> expected(int example) {
        return decode(text(example)).map(SubscriptionReplayTest::normalized);
    }

    private static List<Element> expectedPushes(int example) {
        return expected(example).map(SubscriptionReplayTest::comparablePush);
    }

    private static Element comparablePush(Element push) {
        Element query = push.element(RosterQuery.NAMESPACE, "query").get();
        return push.withoutAttribute(QName.of("", "id")).withoutAttribute(QName.of("", "from"))
                .replaceChildren(List.of(query.withoutAttribute(QName.of("", "ver"))));
    }

    private static Presence presence(Jid from, Jid to, String type, String id) {
        return new Presence(Option.some(dev.starling.model.stanza.PresenceType.valueOf(type.toUpperCase(java.util.Locale.ROOT))),
                Option.of(id), Option.some(from), Option.some(to), Option.none(), io.vavr.collection.Array.empty());
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
                .map(event -> decodeElement(((StreamEvent.TopLevelElement) event).element()));
    }

    private static Stanza decodeElement(Element element) {
        return REGISTRY.typePayloads((Stanza) REGISTRY.decodeTopLevel(element, Namespaces.CLIENT).get(), Namespaces.CLIENT).get();
    }

    private static Element normalized(Stanza stanza) {
        return XmlEquivalence.normalize(REGISTRY.encode(stanza, Namespaces.CLIENT));
    }
}
