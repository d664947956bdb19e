package dev.starling.machine.im;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.MessageType;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.Presence;
import io.vavr.Tuple2;
import io.vavr.collection.Array;

/**
 * Message delivery for a local account, RFC 6121 §8.5 (Table 1 of §8.5.4), with Starling's
 * choice where the table leaves one:
 * <ul>
 *   <li>to the bare JID, "normal" and "chat" go to the most available resources (the highest
 *       non-negative priority, all of them on a tie), "headline" to every non-negative resource,
 *       "groupchat" is service-unavailable; with no non-negative resource "normal" and "chat" are
 *       stored offline (XEP-0160) and "headline" is dropped, and so is a message of nothing but a
 *       chat state (XEP-0160 §3, XEP-0085 §5.8);</li>
 *   <li>to a full JID that is available or connected, the message goes to that resource whatever its priority;
 *       otherwise "chat" is handled as if sent to the bare JID and the other types are
 *       service-unavailable;</li>
 *   <li>to an account that does not exist, service-unavailable, except "headline" to the bare JID,
 *       which is dropped;</li>
 *   <li>a message of type "error" reaches the available resource it names, and is otherwise
 *       dropped: never answered, stored or bounced.</li>
 * </ul>
 * The 'to' is never rewritten (§8.5.2.1.1). Storing is {@link OfflineFlows#store}'s.
 */
final class MessageFlows {

    private MessageFlows() {
    }

    static Step<AccountState, AccountOutput> inbound(AccountState state, Message message, AccountLimits limits, Fresh fresh) {
        MessageType type = message.effectiveType();
        Jid to = message.to().get();
        if (state.exists() && to.isFull() && (state.available().containsKey(to.resource().get())
                || state.connected().contains(to.resource().get()))) {
            return Step.of(state, new AccountOutput.ToResource(to.resource().get(), message)); // §8.5.3.1, errors included
        }
        if (type == MessageType.ERROR) {
            return Step.of(state);
        }
        if (!state.exists()) {
            return to.isBare() && type == MessageType.HEADLINE ? Step.of(state) : bounce(state, message, StanzaErrorCondition.SERVICE_UNAVAILABLE);
        }
        if (to.isFull() && type != MessageType.CHAT) {
            return bounce(state, message, StanzaErrorCondition.SERVICE_UNAVAILABLE);
        }
        if (type == MessageType.GROUPCHAT) {
            return bounce(state, message, StanzaErrorCondition.SERVICE_UNAVAILABLE);
        }
        // one pass over the resources, no intermediate maps: this runs for every message to a bare JID
        Array<Tuple2<String, Presence>> nonNegative = Array.ofAll(state.available().iterator().filter(r -> r._2.priority() >= 0));
        if (type == MessageType.HEADLINE) {
            return Step.of(state, nonNegative.map(r -> (AccountOutput) new AccountOutput.ToResource(r._1, message)));
        }
        if (!nonNegative.isEmpty()) {
            int highest = nonNegative.iterator().map(r -> r._2.priority()).max().get();
            return Step.of(state, nonNegative.filter(r -> r._2.priority() == highest)
                    .map(r -> (AccountOutput) new AccountOutput.ToResource(r._1, message)));
        }
        if (onlyChatState(message)) {
            return Step.of(state); // XEP-0160 §3: a message of only XEP-0085 content is not stored offline
        }
        return OfflineFlows.store(state, message, limits, fresh);
    }

    /** Whether a message carries a chat state and nothing else but its thread (XEP-0085 §5.8: a "standalone notification"). */
    private static boolean onlyChatState(Message message) {
        return message.children().exists(dev.starling.model.im.ChatState.class::isInstance)
                && message.children().forAll(child -> child instanceof dev.starling.model.im.ChatState
                        || child instanceof dev.starling.model.stanza.MessageThread);
    }

    private static Step<AccountState, AccountOutput> bounce(AccountState state, Message message, StanzaErrorCondition condition) {
        return Step.of(state, StanzaReplies.error(message, StanzaError.of(condition))
                .<AccountOutput>map(AccountOutput.ToContact::new).toList());
    }
}
