package dev.starling.conformance.im;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.im.AccountEntity;
import dev.starling.machine.im.AccountInput;
import dev.starling.machine.im.AccountLimits;
import dev.starling.machine.im.AccountOutput;
import dev.starling.machine.im.AccountState;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6121 §5.2 and §5.3, the message syntax examples (93 to 100), replayed through the
 * recipient's account entity: each message, to a bare or a full JID, reaches the recipient's one
 * available resource exactly as sent (§8.5.2.1.1, §8.5.3.1), with its 'id', its xml:lang, every
 * {@code <body/>} and {@code <subject/>} in each language, its {@code <thread/>} and 'parent'
 * (XEP-0201, whose Example 1 is replayed too), and extended content it does not understand (XHTML-IM, Example 100) kept whole.
 */
class MessageSyntaxReplayTest {

    @ParameterizedTest(name = "Example {0}")
    @ValueSource(ints = {93, 94, 95, 96, 97, 98, 99, 100})
    void aMessageReachesTheRecipientsResourceAsSent(int example) {
        deliveredAsSent((Message) ExampleStanzas.stanzas("rfc6121", example).single());
    }

    /** XEP-0201 §3.3, Example 1: a thread with a parent is read as such and reaches Romeo's resource unchanged. */
    @org.junit.jupiter.api.Test
    void aThreadWithItsParentIsKept() {
        Message message = (Message) ExampleStanzas.stanzas("xep-0201", 1).single();
        assertThat(message.thread()).contains(new dev.starling.model.stanza.MessageThread("e0ffe42b28561960c6b12b944a092794b9683a38",
                Option.some("7edac73ab41e45c4aafa7b2d7b749080")));
        deliveredAsSent(message);
    }

    private static void deliveredAsSent(Message message) {
        Jid recipient = message.to().get().bare();
        String resource = recipient.equals(Jid.of("romeo@example.net")) ? "orchard" : "balcony";

        AccountState online = step(step(AccountState.of(recipient, dev.starling.machine.roster.Roster.empty()),
                new AccountInput.ResourceBound(resource)), new AccountInput.OutboundPresence(
                Presence.available().withFrom(Option.some(recipient.withResource(resource).get()))));
        List<AccountOutput> delivered = List.ofAll(AccountEntity.step(online, new AccountInput.InboundMessage(message),
                AccountLimits.defaults(), fresh()).outputs());

        assertThat(delivered).hasSize(1);
        AccountOutput.ToResource out = (AccountOutput.ToResource) delivered.head();
        assertThat(out.resource()).isEqualTo(resource);
        assertThat(ExampleStanzas.normalized(out.stanza())).isEqualTo(ExampleStanzas.normalized(message));
    }

    private static AccountState step(AccountState state, AccountInput input) {
        return AccountEntity.step(state, input, AccountLimits.defaults(), fresh()).state();
    }

    private static Fresh fresh() {
        return new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(96));
    }
}
