package dev.starling.machine.presence;

import io.vavr.control.Option;

/**
 * What one subscription stanza does.
 *
 * @param next      the subscription afterwards
 * @param forward   whether the stanza is routed to the contact (outbound) or delivered to the user (inbound)
 * @param autoReply the answer the user's server sends the contact on the user's behalf, from the
 *                  user's bare JID (RFC 6121 §3.1.3, §3.3.3, §3.4)
 */
public record SubscriptionOutcome(Subscription next, boolean forward, Option<SubscriptionType> autoReply) {

    /** Whether the state or the pre-approval changed: the roster item is pushed (RFC 6121 §2.1.6). */
    public boolean changed(Subscription before) {
        return !next.equals(before);
    }
}
