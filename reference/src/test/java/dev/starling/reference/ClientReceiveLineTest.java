package dev.starling.reference;

import dev.starling.model.delay.Delay;
import dev.starling.model.im.Attention;
import dev.starling.model.im.ChatState;
import dev.starling.model.im.Receipt;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code starling client ... receive} prints for messages that carry more than a body. */
class ClientReceiveLineTest {

    private static final Jid ROMEO = Jid.of("romeo@localhost/orchard");
    private static final Jid JULIET = Jid.of("juliet@localhost/balcony");

    private static Message from(Message message) {
        return message.withFrom(Option.some(ROMEO));
    }

    @Test
    void aChatStateAloneIsShownInBrackets() {
        assertThat(ClientReceive.line(from(Message.empty().withChild(ChatState.COMPOSING)))).isEqualTo("romeo@localhost/orchard: [composing]");
    }

    @Test
    void aReceiptNamesTheMessageItAcknowledges() {
        assertThat(ClientReceive.line(from(Message.empty().withChild(new Receipt.Received(Option.some("msg-1"))))))
                .isEqualTo("romeo@localhost/orchard: [received msg-1]");
    }

    @Test
    void aBodyComesWithItsStateItsReceiptRequestAttentionAndDelay() {
        Message message = from(Message.chat(JULIET, "wherefore art thou").withChild(ChatState.ACTIVE).withChild(new Receipt.Request())
                .withChild(new Attention()).withChild(Delay.of(Jid.of("localhost"), Instant.parse("2026-12-07T20:00:00Z"), "Offline Storage")));
        assertThat(ClientReceive.line(message)).isEqualTo(
                "romeo@localhost/orchard: wherefore art thou [active] [receipt requested] [attention] (sent 2026-12-07T20:00:00Z)");
    }
}
