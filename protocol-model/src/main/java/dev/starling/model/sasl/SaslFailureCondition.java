package dev.starling.model.sasl;

import io.vavr.control.Option;

import java.util.Locale;

/** The SASL failure conditions of RFC 6120 §6.5. */
public enum SaslFailureCondition {
    /** §6.5.1: the initiating entity aborted. */
    ABORTED,
    /** §6.5.2: the account is disabled. */
    ACCOUNT_DISABLED,
    /** §6.5.3: the credentials have expired. */
    CREDENTIALS_EXPIRED,
    /** §6.5.4: the mechanism requires an encrypted stream. */
    ENCRYPTION_REQUIRED,
    /** §6.5.5: the data was not valid base64. */
    INCORRECT_ENCODING,
    /** §6.5.6: the authorization identity is invalid. */
    INVALID_AUTHZID,
    /** §6.5.7: the mechanism is not supported. */
    INVALID_MECHANISM,
    /** §6.5.8: the request is malformed. */
    MALFORMED_REQUEST,
    /** §6.5.9: the mechanism is weaker than policy allows. */
    MECHANISM_TOO_WEAK,
    /** §6.5.10: the credentials are wrong. */
    NOT_AUTHORIZED,
    /** §6.5.11: a temporary error; try again later. */
    TEMPORARY_AUTH_FAILURE;

    private final String wireName = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The local name of the condition element. */
    public String wireName() {
        return wireName;
    }

    /** The condition with this element name, if it is one of RFC 6120 §6.5. */
    public static Option<SaslFailureCondition> fromWire(String localName) {
        for (SaslFailureCondition c : values()) {
            if (c.wireName.equals(localName)) {
                return Option.some(c);
            }
        }
        return Option.none();
    }
}
