package dev.starling.machine.presence;

import io.vavr.collection.Array;

/**
 * The nine subscription states of RFC 6121 Appendix A.1, from the user's perspective towards one
 * contact. {@code to}: the user receives the contact's presence; {@code from}: the contact
 * receives the user's; pending out: the user asked and the contact has not answered; pending in:
 * the contact asked and the user has not answered. "None" also stands for a contact that is not
 * in the roster at all.
 */
public enum SubscriptionState {
    NONE("None", false, false, false, false),
    NONE_PENDING_OUT("None + Pending Out", false, false, true, false),
    NONE_PENDING_IN("None + Pending In", false, false, false, true),
    NONE_PENDING_OUT_IN("None + Pending Out+In", false, false, true, true),
    TO("To", true, false, false, false),
    TO_PENDING_IN("To + Pending In", true, false, false, true),
    FROM("From", false, true, false, false),
    FROM_PENDING_OUT("From + Pending Out", false, true, true, false),
    BOTH("Both", true, true, false, false);

    private final String label;
    private final boolean to;
    private final boolean from;
    private final boolean pendingOut;
    private final boolean pendingIn;

    SubscriptionState(String label, boolean to, boolean from, boolean pendingOut, boolean pendingIn) {
        this.label = label;
        this.to = to;
        this.from = from;
        this.pendingOut = pendingOut;
        this.pendingIn = pendingIn;
    }

    /** The state's name as RFC 6121 Appendix A writes it, e.g. {@code None + Pending Out+In}. */
    public String label() {
        return label;
    }

    /** The state with this label. */
    public static SubscriptionState ofLabel(String label) {
        return Array.of(values()).find(state -> state.label.equals(label))
                .getOrElseThrow(() -> new IllegalArgumentException("no subscription state " + label));
    }

    /** Whether the user is subscribed to the contact's presence. */
    public boolean to() {
        return to;
    }

    /** Whether the contact is subscribed to the user's presence. */
    public boolean from() {
        return from;
    }

    /** Whether the user's request awaits the contact's answer: the roster's {@code ask='subscribe'}. */
    public boolean pendingOut() {
        return pendingOut;
    }

    /** Whether the contact's request awaits the user's answer. */
    public boolean pendingIn() {
        return pendingIn;
    }

    /** The roster's {@code subscription} attribute for this state (RFC 6121 §2.1.2.5). */
    public String rosterSubscription() {
        return to && from ? "both" : to ? "to" : from ? "from" : "none";
    }
}
