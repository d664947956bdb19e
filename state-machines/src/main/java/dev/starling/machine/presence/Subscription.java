package dev.starling.machine.presence;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * The user's subscription towards one contact: the Appendix A state and the pre-approval flag
 * of RFC 6121 §3.4 (the roster's {@code approved='true'}). {@link #outbound} and
 * {@link #inbound} apply {@link SubscriptionTable} with the §3.4 rules on top:
 * <ul>
 *   <li>outbound "subscribed" in None, None + Pending Out or To is a pre-approval: noted when the
 *       server supports pre-approvals, never routed (Table 4 [1]);</li>
 *   <li>outbound "unsubscribed" cancels a pre-approval (Table 5 [1]);</li>
 *   <li>inbound "subscribe" while pre-approved is not delivered: the server answers "subscribed"
 *       itself and the contact gets the user's presence (§3.4, Table 6 [1]); the approval is used
 *       up;</li>
 *   <li>the auto-replies of Table 6 [2] and Table 7 [1].</li>
 * </ul>
 *
 * @param state    the Appendix A state
 * @param approved whether the user pre-approved the contact's request
 */
public record Subscription(SubscriptionState state, boolean approved) {

    /** No subscription either way, nothing pending: also a contact not in the roster. */
    public static final Subscription NONE = new Subscription(SubscriptionState.NONE, false);

    public Subscription {
        Objects.requireNonNull(state, "state");
        if (approved && (state.from() || state.pendingIn())) {
            throw new IllegalArgumentException("only a request that has not arrived can be pre-approved: " + state.label());
        }
    }

    /**
     * What happens when the user sends a subscription stanza to the contact (RFC 6121 Appendix A.2, §3.4).
     *
     * @param preApprovals whether this server supports pre-approvals (§3.4.1)
     */
    public SubscriptionOutcome outbound(SubscriptionType type, boolean preApprovals) {
        TableCell cell = SubscriptionTable.outbound(type, state);
        if (cell.note() == TableCell.Note.PRE_APPROVAL) {
            return new SubscriptionOutcome(preApprovals ? new Subscription(state, true) : this, false, Option.none());
        }
        boolean keepsApproval = approved && type != SubscriptionType.UNSUBSCRIBED;
        SubscriptionState next = cell.after(state);
        return new SubscriptionOutcome(new Subscription(next, keepsApproval && !next.from()), cell.forward().forwards(), Option.none());
    }

    /** What happens when a subscription stanza from the contact arrives for the user (RFC 6121 Appendix A.3, §3.4). */
    public SubscriptionOutcome inbound(SubscriptionType type) {
        TableCell cell = SubscriptionTable.inbound(type, state);
        if (type == SubscriptionType.SUBSCRIBE && approved) {
            SubscriptionState approvedNow = switch (state) {
                case NONE -> SubscriptionState.FROM;
                case NONE_PENDING_OUT -> SubscriptionState.FROM_PENDING_OUT;
                case TO -> SubscriptionState.BOTH;
                default -> throw new IllegalStateException("pre-approved in " + state.label());
            };
            return new SubscriptionOutcome(new Subscription(approvedNow, false), false, Option.some(SubscriptionType.SUBSCRIBED));
        }
        Option<SubscriptionType> reply = switch (cell.note()) {
            case AUTO_REPLY_SUBSCRIBED -> Option.some(SubscriptionType.SUBSCRIBED);
            case AUTO_REPLY_UNSUBSCRIBED -> Option.some(SubscriptionType.UNSUBSCRIBED);
            default -> Option.none();
        };
        SubscriptionState next = cell.after(state);
        return new SubscriptionOutcome(new Subscription(next, approved && !next.from() && !next.pendingIn()),
                cell.forward().forwards(), reply);
    }
}
