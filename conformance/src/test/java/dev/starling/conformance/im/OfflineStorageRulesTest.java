package dev.starling.conformance.im;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.im.AccountEntity;
import dev.starling.machine.im.AccountInput;
import dev.starling.machine.im.AccountLimits;
import dev.starling.machine.im.AccountOutput;
import dev.starling.machine.im.AccountState;
import dev.starling.machine.roster.Roster;
import dev.starling.model.im.ChatState;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.MessageThread;
import dev.starling.model.stanza.MessageType;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0160 §3 for an account with no available resource: a chat message is stored, one carrying
 * only a chat state (XEP-0085 §5.8, a "standalone notification", with or without its thread) is
 * dropped without an error, and a full offline queue answers {@code resource-constraint}. XEP-0160
 * §2's own flow is replayed: Example 1's message to an offline Juliet is stored, her available
 * presence with a non-negative priority (Example 2) brings it, and it is Example 3, delay and all,
 * when it was stored at Example 3's stamp. (Examples 4 and 5, {@code msgoffline} in the server's
 * disco#info, are a check of {@code ./starling check}.)
 */
class OfflineStorageRulesTest {

    private static final Jid JULIET = Jid.of("juliet@example.com");
    private static final Jid ROMEO = Jid.of("romeo@example.net/orchard");
    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(96));

    private static Step<AccountState, AccountOutput> deliver(AccountState state, Message message, AccountLimits limits) {
        return AccountEntity.step(state, new AccountInput.InboundMessage(message.withFrom(Option.some(ROMEO))), limits, FRESH);
    }

    @Test
    void theSpecsMessageIsStoredAndDeliveredWithItsDelay() {
        Jid juliet = Jid.of("juliet@capulet.com");
        Message sent = (Message) ExampleStanzas.stanzas("xep-0160", 1).single();
        Step<AccountState, AccountOutput> stored = AccountEntity.step(AccountState.of(juliet, Roster.empty()),
                new AccountInput.InboundMessage(sent), AccountLimits.defaults(), new Fresh(Instant.parse("2002-09-10T23:08:25Z"), "0".repeat(96)));
        assertThat(stored.state().offline().size()).isEqualTo(1);
        assertThat(stored.outputs()).as("stored silently (the store itself is told)").noneMatch(AccountOutput.ToContact.class::isInstance);

        AccountState online = AccountEntity.step(stored.state(), new AccountInput.ResourceBound("balcony"), AccountLimits.defaults(), FRESH).state();
        Step<AccountState, AccountOutput> available = AccountEntity.step(online,
                new AccountInput.OutboundPresence((dev.starling.model.stanza.Presence) ExampleStanzas.stanzas("xep-0160", 2).single()),
                AccountLimits.defaults(), FRESH);
        assertThat(available.outputs().filter(o -> o instanceof AccountOutput.ToResource r && r.stanza() instanceof Message)
                .map(o -> ExampleStanzas.normalized(((AccountOutput.ToResource) o).stanza())))
                .containsExactly(ExampleStanzas.normalized(ExampleStanzas.stanzas("xep-0160", 3).single()));
        assertThat(available.state().offline().size()).isZero();
    }

    @Test
    void aStandaloneChatStateIsNotStoredButAChatWithOneIs() {
        AccountState juliet = AccountState.of(JULIET, Roster.empty());
        Message composing = Message.empty().withType(MessageType.CHAT).withTo(Option.some(JULIET)).withChild(ChatState.COMPOSING);
        Step<AccountState, AccountOutput> dropped = deliver(juliet, composing, AccountLimits.defaults());
        assertThat(dropped.outputs()).isEmpty();
        assertThat(dropped.state().offline().size()).isZero();
        Step<AccountState, AccountOutput> threaded = deliver(juliet, composing.withChild(new MessageThread("t1", Option.none())), AccountLimits.defaults());
        assertThat(threaded.state().offline().size()).isZero();

        Message chat = Message.chat(JULIET, "good night").withChild(ChatState.ACTIVE);
        Step<AccountState, AccountOutput> stored = deliver(juliet, chat, AccountLimits.defaults());
        assertThat(stored.state().offline().size()).isEqualTo(1);
    }

    @Test
    void aFullOfflineQueueIsResourceConstraintAndKeepsWhatItHas() {
        AccountLimits defaults = AccountLimits.defaults();
        AccountLimits one = new AccountLimits(defaults.roster(), 1, defaults.vcardCharacters(), defaults.privacyRules());
        AccountState juliet = deliver(AccountState.of(JULIET, Roster.empty()), Message.chat(JULIET, "first"), one).state();
        Step<AccountState, AccountOutput> full = deliver(juliet, Message.chat(JULIET, "second"), one);
        assertThat(full.state().offline().size()).isEqualTo(1);
        assertThat(full.outputs()).singleElement().isInstanceOfSatisfying(AccountOutput.ToContact.class, bounce -> {
            assertThat(bounce.stanza().to()).contains(ROMEO);
            assertThat(bounce.stanza().error().map(e -> e.condition())).contains(StanzaErrorCondition.RESOURCE_CONSTRAINT);
        });
    }
}
