package dev.starling.machine.presence;

import dev.starling.model.stanza.PresenceType;
import io.vavr.control.Option;

/** The four presence types that manage subscriptions (RFC 6121 §3). */
public enum SubscriptionType {
    SUBSCRIBE, SUBSCRIBED, UNSUBSCRIBE, UNSUBSCRIBED;

    /** The subscription type of a presence type, if it is one. */
    public static Option<SubscriptionType> of(PresenceType type) {
        return switch (type) {
            case SUBSCRIBE -> Option.some(SUBSCRIBE);
            case SUBSCRIBED -> Option.some(SUBSCRIBED);
            case UNSUBSCRIBE -> Option.some(UNSUBSCRIBE);
            case UNSUBSCRIBED -> Option.some(UNSUBSCRIBED);
            default -> Option.none();
        };
    }

    /** The presence type that carries it. */
    public PresenceType presenceType() {
        return switch (this) {
            case SUBSCRIBE -> PresenceType.SUBSCRIBE;
            case SUBSCRIBED -> PresenceType.SUBSCRIBED;
            case UNSUBSCRIBE -> PresenceType.UNSUBSCRIBE;
            case UNSUBSCRIBED -> PresenceType.UNSUBSCRIBED;
        };
    }

    /** The word as it appears in the 'type' attribute and in the RFC's tables. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
