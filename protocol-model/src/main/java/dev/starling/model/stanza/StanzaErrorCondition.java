package dev.starling.model.stanza;

import io.vavr.control.Option;

import java.util.Locale;

/**
 * The defined stanza error conditions of RFC 6120 §8.3.3, each with the error type its section
 * recommends. An unknown condition is treated as {@link #UNDEFINED_CONDITION} (RFC 6120 §8.3.2).
 */
public enum StanzaErrorCondition {
    /** §8.3.3.1. */
    BAD_REQUEST(StanzaErrorType.MODIFY),
    /** §8.3.3.2. */
    CONFLICT(StanzaErrorType.CANCEL),
    /** §8.3.3.3. */
    FEATURE_NOT_IMPLEMENTED(StanzaErrorType.CANCEL),
    /** §8.3.3.4. */
    FORBIDDEN(StanzaErrorType.AUTH),
    /** §8.3.3.5; the element may carry a new address (URI) as character data. */
    GONE(StanzaErrorType.CANCEL),
    /** §8.3.3.6. */
    INTERNAL_SERVER_ERROR(StanzaErrorType.CANCEL),
    /** §8.3.3.7. */
    ITEM_NOT_FOUND(StanzaErrorType.CANCEL),
    /** §8.3.3.8. */
    JID_MALFORMED(StanzaErrorType.MODIFY),
    /** §8.3.3.9. */
    NOT_ACCEPTABLE(StanzaErrorType.MODIFY),
    /** §8.3.3.10. */
    NOT_ALLOWED(StanzaErrorType.CANCEL),
    /** §8.3.3.11. */
    NOT_AUTHORIZED(StanzaErrorType.AUTH),
    /** §8.3.3.12. */
    POLICY_VIOLATION(StanzaErrorType.MODIFY),
    /** §8.3.3.13. */
    RECIPIENT_UNAVAILABLE(StanzaErrorType.WAIT),
    /** §8.3.3.14; the element may carry the redirection address (URI) as character data. */
    REDIRECT(StanzaErrorType.MODIFY),
    /** §8.3.3.15. */
    REGISTRATION_REQUIRED(StanzaErrorType.AUTH),
    /** §8.3.3.16. */
    REMOTE_SERVER_NOT_FOUND(StanzaErrorType.CANCEL),
    /** §8.3.3.17. */
    REMOTE_SERVER_TIMEOUT(StanzaErrorType.WAIT),
    /** §8.3.3.18. */
    RESOURCE_CONSTRAINT(StanzaErrorType.WAIT),
    /** §8.3.3.19. */
    SERVICE_UNAVAILABLE(StanzaErrorType.CANCEL),
    /** §8.3.3.20. */
    SUBSCRIPTION_REQUIRED(StanzaErrorType.AUTH),
    /** §8.3.3.21. */
    UNDEFINED_CONDITION(StanzaErrorType.CANCEL),
    /** §8.3.3.22. */
    UNEXPECTED_REQUEST(StanzaErrorType.MODIFY);

    private final StanzaErrorType defaultType;
    private final String wireName;

    StanzaErrorCondition(StanzaErrorType defaultType) {
        this.defaultType = defaultType;
        this.wireName = name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The error type RFC 6120 §8.3.3 gives for this condition. */
    public StanzaErrorType defaultType() {
        return defaultType;
    }

    /** The local name of the condition element. */
    public String wireName() {
        return wireName;
    }

    /** Whether the condition element may carry character data (a URI): gone and redirect. */
    public boolean carriesText() {
        return this == GONE || this == REDIRECT;
    }

    /** The condition with this element name, if it is one of RFC 6120 §8.3.3. */
    public static Option<StanzaErrorCondition> fromWire(String localName) {
        for (StanzaErrorCondition c : values()) {
            if (c.wireName.equals(localName)) {
                return Option.some(c);
            }
        }
        return Option.none();
    }
}
