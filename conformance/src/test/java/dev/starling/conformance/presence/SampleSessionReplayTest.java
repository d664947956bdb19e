package dev.starling.conformance.presence;

import dev.starling.conformance.corpus.SpeakerTurnsAccess;
import dev.starling.conformance.corpus.SpecCorpus;
import dev.starling.conformance.im.ExampleStanzas;
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
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.RosterQuery;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
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
 * RFC 6121 §7, "A Sample Session", replayed whole through the account entities: Romeo's
 * (example.net) for what he sends and receives, Juliet's and Mercutio's for what their servers
 * deliver (the CS: turns of Examples 107 and 112) and for Juliet's own unavailable presence
 * (Example 113). Each turn the user's client sends (UC:) or a contact sends (CC:, CS:) goes in;
 * what the servers send (US:, CS:) must be the RFC's, stanza for stanza. Three free choices are left
 * out of the comparison: roster versions (§2.6), the ids Starling gives its probes (§4.3.1), and the 'to' of presence to the user's own
 * resource, which Example 105 writes as the bare JID and Starling as the full JID (§4.2.2).
 * Examples 117 and 118 (closing the stream) are the session's, replayed with RFC 6120's.
 */
class SampleSessionReplayTest {

    private static final Jid ROMEO = Jid.of("romeo@example.net");
    private static final Jid JULIET = Jid.of("juliet@example.com");
    private static final Jid MERCUTIO = Jid.of("mercutio@example.org");
    private int step;

    @Test
    void romeosSessionFromRosterToLogout() {
        AccountState romeo = feed(romeos(), new AccountInput.ResourceBound("orchard")).state();

        Iq get = (Iq) turns(101).head().withFrom(Option.some(ROMEO.withResource("orchard").get()));
        Step<AccountState, AccountOutput> roster = feed(romeo, new AccountInput.RosterRequest("orchard", get,
                get.payload().map(RosterQuery.class::cast).get()));
        assertThat(toResource(roster).map(SampleSessionReplayTest::withoutVer)).as("Example 102").containsExactlyElementsOf(expected(102));

        Step<AccountState, AccountOutput> initial = feed(roster.state(), outbound(turns(103).head()));
        assertThat(toContact(initial).filter(p -> p.attribute("type").contains("probe"))
                .map(p -> p.withoutAttribute(QName.of("", "id")))).as("Example 104").containsExactlyElementsOf(expected(104));
        assertThat(toContact(initial).filter(p -> p.attribute("type").isEmpty()).appendAll(toResource(initial).map(SampleSessionReplayTest::bareTo)))
                .as("Example 105").containsExactlyElementsOf(expected(105));

        romeo = initial.state();
        for (Stanza answer : turns(106)) {
            Step<AccountState, AccountOutput> delivered = feed(romeo, new AccountInput.InboundPresence((Presence) answer));
            assertThat(toResource(delivered)).as("Example 106 reaches Romeo's resource as sent").containsExactly(normalized(answer));
            romeo = delivered.state();
        }

        Step<AccountState, AccountOutput> directed = feed(romeo, outbound(turns(108).head()));
        assertThat(toContact(directed)).as("Example 108").containsExactlyElementsOf(expected(108));
        romeo = directed.state();

        for (Stanza message : turns(109)) {
            boolean fromRomeo = message.from().exists(f -> f.bare().equals(ROMEO));
            Step<AccountState, AccountOutput> handled = feed(romeo, fromRomeo ? new AccountInput.OutboundStanza(message)
                    : new AccountInput.InboundMessage((Message) message));
            assertThat(fromRomeo ? toContact(handled) : toResource(handled)).as("Example 109, thread kept").containsExactly(normalized(message));
            romeo = handled.state();
        }

        Step<AccountState, AccountOutput> update = feed(romeo, outbound(turns(110).head()));
        assertThat(toContact(update)).as("Example 111: not to the Nurse, who had only directed presence").containsExactlyElementsOf(expected(111));
        romeo = update.state();

        Presence julietGone = (Presence) turns(113).head();
        Step<AccountState, AccountOutput> contactGone = feed(juliets(), outbound(julietGone));
        assertThat(toContact(contactGone).filter(p -> p.attribute("to").contains(ROMEO.toString()))).as("Example 114")
                .containsExactlyElementsOf(expected(114));
        Step<AccountState, AccountOutput> toRomeo = feed(romeo, new AccountInput.InboundPresence((Presence) turns(114).head()));
        assertThat(toResource(toRomeo)).containsExactlyElementsOf(expected(114));

        Step<AccountState, AccountOutput> logout = feed(toRomeo.state(), outbound(turns(115).head()));
        assertThat(toContact(logout)).as("Example 116: contacts and the Nurse").containsExactlyElementsOf(expected(116));
        assertThat(logout.state().available()).isEmpty();
    }

    /** Examples 107 and 112: each contact's server delivers Romeo's presence to every available resource of its user. */
    @Test
    void contactsServersDeliverRomeosPresenceToEveryAvailableResource() {
        for (int example : new int[]{107, 112}) {
            List<Element> delivered = List.empty();
            for (Stanza sent : turns(example == 107 ? 105 : 111).filter(p -> !p.to().contains(ROMEO))) {
                AccountState contact = sent.to().contains(JULIET) ? juliets() : mercutios();
                delivered = delivered.appendAll(toResource(feed(contact, new AccountInput.InboundPresence((Presence) sent)))
                        .map(SampleSessionReplayTest::bareTo));
            }
            assertThat(delivered).as("Example " + example).containsExactlyElementsOf(expected(example));
        }
    }

    /** Example 102: Juliet (both, Friends), Benvolio (to), Mercutio (from). */
    private static AccountState romeos() {
        return AccountState.of(ROMEO, roster(
                new RosterEntry(JULIET, Option.some("Juliet"), Array.of("Friends"), new Subscription(SubscriptionState.BOTH, false), 0),
                new RosterEntry(Jid.of("benvolio@example.org"), Option.some("Benvolio"), Array.empty(), new Subscription(SubscriptionState.TO, false), 0),
                new RosterEntry(MERCUTIO, Option.some("Mercutio"), Array.empty(), new Subscription(SubscriptionState.FROM, false), 0)));
    }

    /** Juliet online at balcony and chamber (Example 106), Romeo "both". */
    private AccountState juliets() {
        AccountState juliet = AccountState.of(JULIET, roster(new RosterEntry(ROMEO, Option.none(), Array.empty(),
                new Subscription(SubscriptionState.BOTH, false), 0)));
        for (String resource : new String[]{"balcony", "chamber"}) {
            juliet = feed(juliet, new AccountInput.ResourceBound(resource)).state();
            juliet = feed(juliet, outbound(Presence.available().withFrom(Option.some(JULIET.withResource(resource).get())))).state();
        }
        return juliet;
    }

    /** Mercutio online at one resource, Romeo "to" (Romeo's roster has him "from"). */
    private AccountState mercutios() {
        AccountState mercutio = AccountState.of(MERCUTIO, roster(new RosterEntry(ROMEO, Option.none(), Array.empty(),
                new Subscription(SubscriptionState.TO, false), 0)));
        mercutio = feed(mercutio, new AccountInput.ResourceBound("home")).state();
        return feed(mercutio, outbound(Presence.available().withFrom(Option.some(MERCUTIO.withResource("home").get())))).state();
    }

    private Step<AccountState, AccountOutput> feed(AccountState state, AccountInput input) {
        step++;
        return AccountEntity.step(state, input, AccountLimits.defaults(),
                new Fresh(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(step), String.format("%096d", step)));
    }

    /** A presence the user's client sends, stamped with the sending resource as its server stamps it (RFC 6120 §8.1.2.1). */
    private static AccountInput outbound(Stanza presence) {
        return new AccountInput.OutboundPresence(((Presence) presence).from().isDefined() ? (Presence) presence
                : ((Presence) presence).withFrom(Option.some(ROMEO.withResource("orchard").get())));
    }

    private static Roster roster(RosterEntry... entries) {
        LinkedHashMap<Jid, RosterEntry> map = LinkedHashMap.empty();
        for (RosterEntry entry : entries) {
            map = map.put(entry.contact(), entry);
        }
        return new Roster(0, map, HashMap.empty(), 0, HashMap.empty());
    }

    private static List<Element> toContact(Step<AccountState, AccountOutput> step) {
        return List.ofAll(step.outputs()).filter(AccountOutput.ToContact.class::isInstance)
                .map(o -> normalized(((AccountOutput.ToContact) o).stanza()));
    }

    private static List<Element> toResource(Step<AccountState, AccountOutput> step) {
        return List.ofAll(step.outputs()).filter(AccountOutput.ToResource.class::isInstance)
                .map(o -> normalized(((AccountOutput.ToResource) o).stanza()));
    }

    /** Presence to one of the user's own resources as the RFC writes it: to the bare JID. */
    private static Element bareTo(Element presence) {
        return presence.withAttribute(QName.of("", "to"), Jid.of(presence.attribute("to").get()).bare().toString());
    }

    private static Element withoutVer(Element iq) {
        Element query = iq.element(RosterQuery.NAMESPACE, "query").get();
        return iq.replaceChildren(List.of(query.withoutAttribute(QName.of("", "ver"))));
    }

    private static List<Stanza> turns(int example) {
        String text = SpecCorpus.read("rfc6121.json").examples().stream().filter(e -> e.number() == example).findFirst().get().text();
        return List.ofAll(SpeakerTurnsAccess.split(text)).flatMap(part -> ExampleStanzas.decode(part.text()));
    }

    private static List<Element> expected(int example) {
        return turns(example).map(SampleSessionReplayTest::normalized);
    }

    private static Element normalized(Stanza stanza) {
        return ExampleStanzas.normalized(stanza);
    }
}
