package dev.starling.conformance.presence;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.im.AccountEntity;
import dev.starling.machine.im.AccountInput;
import dev.starling.machine.im.AccountLimits;
import dev.starling.machine.im.AccountOutput;
import dev.starling.machine.im.AccountState;
import dev.starling.machine.im.OfflineQueue;
import dev.starling.machine.blocking.Blocklist;
import dev.starling.machine.roster.Roster;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presence errors and presence for accounts that do not exist (RFC 6121 §3.1.2, §4.7.1, §8.5.1,
 * §8.5.2.1.2, §8.5.3.2.2; RFC 6120 §8.3.1): a subscription request to no account comes back as
 * item-not-found and nothing is stored; other subscription stanzas and presence for no account are
 * silently ignored; a presence error reaches the resource it names, or every available resource
 * through the bare JID, and is never answered; a client's directed presence error is routed.
 */
class PresenceErrorsTest {

    private static final Jid JULIET = Jid.of("juliet@example.com");
    private static final Jid ROMEO_BALCONY = Jid.of("romeo@example.net/orchard");
    private int step;

    @Test
    void aSubscriptionRequestToNoAccountIsItemNotFoundAndNothingIsStored() {
        Presence request = Presence.of(PresenceType.SUBSCRIBE).withId(Option.some("xk3h1v69"))
                .withFrom(Option.some(Jid.of("romeo@example.net"))).withTo(Option.some(JULIET));
        List<AccountOutput> out = List.ofAll(feed(nobody(), new AccountInput.InboundSubscription(request)).outputs());

        Presence error = (Presence) ((AccountOutput.ToContact) out.single()).stanza();
        assertThat(error.type()).contains(PresenceType.ERROR);
        assertThat(error.id()).contains("xk3h1v69");
        assertThat(error.to()).contains(Jid.of("romeo@example.net"));
        assertThat(error.error().map(StanzaError::condition)).contains(StanzaErrorCondition.ITEM_NOT_FOUND);
    }

    @ParameterizedTest
    @EnumSource(value = PresenceType.class, names = {"SUBSCRIBED", "UNSUBSCRIBE", "UNSUBSCRIBED"})
    void otherSubscriptionStanzasToNoAccountAreSilentlyIgnored(PresenceType type) {
        Presence stanza = Presence.of(type).withFrom(Option.some(Jid.of("romeo@example.net"))).withTo(Option.some(JULIET));
        Step<AccountState, AccountOutput> step = feed(nobody(), new AccountInput.InboundSubscription(stanza));
        assertThat(step.outputs()).isEmpty();
        assertThat(step.state()).isEqualTo(nobody());
    }

    @Test
    void aPresenceErrorReachesTheResourceItNamesAndIsNeverAnswered() {
        AccountState juliet = online(online(AccountState.of(JULIET, Roster.empty()), "balcony"), "chamber");
        Presence error = errorFromRomeo().withTo(Option.some(JULIET.withResource("balcony").get()));
        assertThat(resources(feed(juliet, new AccountInput.InboundPresence(error)))).containsExactly("balcony");

        Presence toBare = errorFromRomeo().withTo(Option.some(JULIET));
        assertThat(resources(feed(juliet, new AccountInput.InboundPresence(toBare)))).containsExactlyInAnyOrder("balcony", "chamber");

        Presence toNobody = errorFromRomeo().withTo(Option.some(JULIET.withResource("garden").get()));
        Step<AccountState, AccountOutput> dropped = feed(juliet, new AccountInput.InboundPresence(toNobody));
        assertThat(dropped.outputs()).as("§8.5.3.2.2: silently ignored, RFC 6120 §8.3.1: never answered").isEmpty();
    }

    @Test
    void aClientsDirectedPresenceErrorIsRoutedWithoutChangingDirectedPresence() {
        AccountState juliet = online(AccountState.of(JULIET, Roster.empty()), "balcony");
        Presence error = errorFromRomeo().withFrom(Option.some(JULIET.withResource("balcony").get())).withTo(Option.some(ROMEO_BALCONY));
        Step<AccountState, AccountOutput> step = feed(juliet, new AccountInput.OutboundPresence(error));
        assertThat(List.ofAll(step.outputs())).containsExactly(new AccountOutput.ToContact(error));
        assertThat(step.state().directed()).isEqualTo(juliet.directed());
    }

    private static Presence errorFromRomeo() {
        return Presence.of(PresenceType.ERROR).withFrom(Option.some(ROMEO_BALCONY))
                .withChild(StanzaError.of(StanzaErrorCondition.NOT_ACCEPTABLE));
    }

    private static AccountState nobody() {
        return AccountState.of(JULIET, Roster.empty(), Blocklist.EMPTY, LinkedHashMap.empty(), false, OfflineQueue.EMPTY, dev.starling.machine.privacy.Privacy.NONE);
    }

    private AccountState online(AccountState state, String resource) {
        AccountState bound = feed(state, new AccountInput.ResourceBound(resource)).state();
        return feed(bound, new AccountInput.OutboundPresence(Presence.available().withFrom(Option.some(JULIET.withResource(resource).get())))).state();
    }

    private static List<String> resources(Step<AccountState, AccountOutput> step) {
        return List.ofAll(step.outputs()).map(o -> ((AccountOutput.ToResource) o).resource());
    }

    private Step<AccountState, AccountOutput> feed(AccountState state, AccountInput input) {
        step++;
        return AccountEntity.step(state, input, AccountLimits.defaults(),
                new Fresh(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(step), String.format("%096d", step)));
    }
}
