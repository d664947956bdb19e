package dev.starling.io.client;

import dev.starling.model.im.Attention;
import dev.starling.model.im.ChatState;
import dev.starling.model.im.EntityTime;
import dev.starling.model.im.LastActivity;
import dev.starling.model.im.LegacyTime;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Body;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.MessageType;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;

/**
 * The everyday IM extensions from the client's side: chat states (XEP-0085), attention
 * (XEP-0224), another entity's last activity or uptime (XEP-0012) and its time (XEP-0202, and
 * the legacy XEP-0090 form). Receipts are {@link XmppClient#sendWithReceipt}; the client
 * acknowledges the receipts others ask for on its own.
 */
public final class ClientExtensions {

    private final XmppClient client;

    ClientExtensions(XmppClient client) {
        this.client = client;
    }

    /**
     * Sends a standalone chat state notification (XEP-0085 §5.1: a chat message carrying only the
     * state), e.g. {@code composing} while the user types.
     */
    public Mono<Void> chatState(Jid to, ChatState state) {
        return client.send(Message.empty().withType(MessageType.CHAT).withTo(Option.some(to)).withChild(state));
    }

    /** Asks for the recipient's attention (XEP-0224 §3), in a headline with an optional body. */
    public Mono<Void> attention(Jid to, Option<String> body) {
        Message message = Message.empty().withType(MessageType.HEADLINE).withTo(Option.some(to)).withChild(new Attention());
        return client.send(body.map(text -> message.withChild(Body.of(text))).getOrElse(message));
    }

    /**
     * An entity's last activity (XEP-0012): for an account's bare JID, how long since it was last
     * online (with its status); for a full JID, its idle time; for a server, its uptime.
     */
    public Mono<LastActivity> lastActivity(Jid of) {
        return client.request(IqType.GET, Option.some(of), LastActivity.query())
                .map(result -> result.firstChild(LastActivity.class).getOrElseThrow(() -> new IllegalStateException("a result without <query/>")));
    }

    /** An entity's time (XEP-0202 §3): its UTC time and offset. */
    public Mono<EntityTime> time(Jid of) {
        return client.request(IqType.GET, Option.some(of), EntityTime.query())
                .map(result -> result.firstChild(EntityTime.class).getOrElseThrow(() -> new IllegalStateException("a result without <time/>")));
    }

    /** An entity's time in the legacy form (XEP-0090), for entities that do not support XEP-0202. */
    public Mono<LegacyTime> legacyTime(Jid of) {
        return client.request(IqType.GET, Option.some(of), LegacyTime.query())
                .map(result -> result.firstChild(LegacyTime.class).getOrElseThrow(() -> new IllegalStateException("a result without <query/>")));
    }
}
