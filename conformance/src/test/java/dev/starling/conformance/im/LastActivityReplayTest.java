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
import dev.starling.model.im.LastActivity;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.starling.conformance.im.ExampleStanzas.normalized;
import static dev.starling.conformance.im.ExampleStanzas.stanzas;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0012 §4 (offline user query) replayed through Juliet's account entity: Romeo, her
 * subscriber, asks while she is online (0 seconds), then 903 seconds after her last resource went
 * unavailable (Example 2); a status she sent with it comes back; a stranger asking gets Example
 * 4's forbidden; a lost session counts as going offline; a query for an account that never went
 * offline is item-not-found.
 */
class LastActivityReplayTest {

    private static final Jid JULIET = Jid.of("juliet@capulet.com");
    private static final Instant LEFT = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void romeoLearnsHowLongAgoJulietLeftAsExample2() {
        AccountState online = online(juliet());
        assertThat(seconds(answer(online, LEFT))).as("§4: connected, 0 seconds").contains(0L);

        AccountState left = AccountEntity.step(online, new AccountInput.OutboundPresence(Presence.of(PresenceType.UNAVAILABLE)
                .withFrom(Option.some(JULIET.withResource("balcony").get()))), AccountLimits.defaults(), at(LEFT)).state();
        left = AccountEntity.step(left, new AccountInput.ResourceGone("balcony"), AccountLimits.defaults(), at(LEFT.plusSeconds(1))).state();
        assertThat(answer(left, LEFT.plusSeconds(903))).isEqualTo(normalized(stanzas("xep-0012", 2).head()));
    }

    @Test
    void theStatusOfTheUnavailablePresenceComesBack() {
        Presence headingHome = Presence.of(PresenceType.UNAVAILABLE).withFrom(Option.some(JULIET.withResource("balcony").get()))
                .withChild(dev.starling.model.stanza.Status.of("Heading Home"));
        Step<AccountState, AccountOutput> left = AccountEntity.step(online(juliet()), new AccountInput.OutboundPresence(headingHome),
                AccountLimits.defaults(), at(LEFT));
        assertThat(List.ofAll(left.outputs())).anyMatch(o -> o instanceof AccountOutput.StoreData data && data.key().equals("last"));
        AccountState gone = AccountEntity.step(left.state(), new AccountInput.ResourceGone("balcony"), AccountLimits.defaults(), at(LEFT)).state();
        LastActivity last = reply(gone, LEFT.plusSeconds(60)).firstChild(LastActivity.class).get();
        assertThat(last.seconds()).contains(60L);
        assertThat(last.status()).contains("Heading Home");
    }

    @Test
    void aLostSessionCountsAsGoingOffline() {
        AccountState gone = AccountEntity.step(online(juliet()), new AccountInput.ResourceGone("balcony"), AccountLimits.defaults(), at(LEFT)).state();
        assertThat(seconds(answer(gone, LEFT.plusSeconds(5)))).contains(5L);
    }

    @Test
    void aStrangerIsForbiddenAsExample4AndANeverOfflineAccountHasNone() {
        Iq stranger = ((Iq) stanzas("xep-0012", 3).head()).withFrom(Option.some(Jid.of("tybalt@capulet.com/street")));
        Element refused = normalized(((AccountOutput.ToContact) List.ofAll(AccountEntity.step(juliet(), new AccountInput.InboundIq(stranger),
                AccountLimits.defaults(), at(LEFT)).outputs()).single()).stanza());
        Element example4 = normalized(stanzas("xep-0012", 4).head());
        assertThat(refused.attribute("type")).contains("error");
        assertThat(error(refused).attribute("type")).isEqualTo(error(example4).attribute("type"));
        assertThat(error(refused).elements().head().name()).isEqualTo(error(example4).elements().head().name());

        Element none = answer(juliet(), LEFT);
        assertThat(error(none).elements().head().localName()).isEqualTo("item-not-found");
    }

    private static AccountState juliet() {
        Roster roster = new Roster(0, LinkedHashMap.of(Jid.of("romeo@montague.net"), new RosterEntry(Jid.of("romeo@montague.net"), Option.none(),
                Array.empty(), new Subscription(SubscriptionState.FROM, false), 0)), HashMap.empty(), 0, HashMap.empty());
        return AccountState.of(JULIET, roster);
    }

    private static AccountState online(AccountState state) {
        AccountState bound = AccountEntity.step(state, new AccountInput.ResourceBound("balcony"), AccountLimits.defaults(), at(LEFT)).state();
        return AccountEntity.step(bound, new AccountInput.OutboundPresence(Presence.available().withFrom(Option.some(JULIET.withResource("balcony").get()))),
                AccountLimits.defaults(), at(LEFT)).state();
    }

    private static Element answer(AccountState state, Instant now) {
        return normalized(reply(state, now));
    }

    private static dev.starling.model.stanza.Stanza reply(AccountState state, Instant now) {
        Iq query = (Iq) stanzas("xep-0012", 1).head();
        return ((AccountOutput.ToContact) List.ofAll(AccountEntity.step(state, new AccountInput.InboundIq(query), AccountLimits.defaults(), at(now))
                .outputs()).single()).stanza();
    }

    private static Option<Long> seconds(Element reply) {
        return reply.element(LastActivity.NAMESPACE, "query").flatMap(q -> q.attribute("seconds")).map(Long::parseLong);
    }

    private static Element error(Element reply) {
        return reply.element(Namespaces.CLIENT, "error").get();
    }

    private static Fresh at(Instant now) {
        return new Fresh(now, String.format("%096d", 7));
    }
}
