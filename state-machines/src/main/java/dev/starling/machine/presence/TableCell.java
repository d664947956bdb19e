package dev.starling.machine.presence;

import io.vavr.control.Option;

/**
 * One row of an RFC 6121 Appendix A table for one existing state.
 *
 * @param forward whether the stanza is routed (outbound) or delivered (inbound)
 * @param next    the new state; none for "no state change"
 * @param note    what the row's footnote adds
 */
public record TableCell(Requirement forward, Option<SubscriptionState> next, Note note) {

    /** The footnotes of the tables. */
    public enum Note {
        /** No footnote. */
        NONE,
        /** Outbound "subscribe" that makes the request pending: the roster item gets {@code ask='subscribe'} (Table 2 [1]). */
        SETS_ASK,
        /** Outbound "subscribed" that is a pre-approval (Table 4 [1], §3.4). */
        PRE_APPROVAL,
        /** Outbound "unsubscribed" that can cancel a pre-approval (Table 5 [1], §3.4). */
        CANCELS_PRE_APPROVAL,
        /** Inbound "subscribe": the server MAY auto-reply "subscribed" if the user pre-approved (Table 6 [1]). */
        PRE_APPROVED_AUTO_REPLY,
        /** Inbound "subscribe" from a contact already subscribed: auto-reply "subscribed" (Table 6 [2]). */
        AUTO_REPLY_SUBSCRIBED,
        /** Inbound "unsubscribe" that changes the state: auto-reply "unsubscribed" (Table 7 [1]). */
        AUTO_REPLY_UNSUBSCRIBED
    }

    /** The state after this row, from {@code current}. */
    public SubscriptionState after(SubscriptionState current) {
        return next.getOrElse(current);
    }
}
