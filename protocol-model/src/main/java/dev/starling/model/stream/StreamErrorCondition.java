package dev.starling.model.stream;

import io.vavr.control.Option;

import java.util.Locale;

/**
 * The defined stream error conditions of RFC 6120 §4.9.3. An unknown condition is treated as
 * {@link #UNDEFINED_CONDITION} (RFC 6120 §4.9.2).
 */
public enum StreamErrorCondition {
    /** §4.9.3.1: XML that cannot be processed. */
    BAD_FORMAT,
    /** §4.9.3.2: an unsupported namespace prefix. */
    BAD_NAMESPACE_PREFIX,
    /** §4.9.3.3: a new stream conflicts with an existing one. */
    CONFLICT,
    /** §4.9.3.4: no traffic for too long. */
    CONNECTION_TIMEOUT,
    /** §4.9.3.5: the 'to' host is no longer serviced. */
    HOST_GONE,
    /** §4.9.3.6: the 'to' host is not serviced. */
    HOST_UNKNOWN,
    /** §4.9.3.7: a stanza lacks or has invalid 'to'/'from' on a server-to-server stream. */
    IMPROPER_ADDRESSING,
    /** §4.9.3.8. */
    INTERNAL_SERVER_ERROR,
    /** §4.9.3.9: the 'from' does not match an authorized identity. */
    INVALID_FROM,
    /** §4.9.3.10: a wrong stream or content namespace. */
    INVALID_NAMESPACE,
    /** §4.9.3.11: invalid XML (validation, not well-formedness). */
    INVALID_XML,
    /** §4.9.3.12: data before authentication, or authentication failed. */
    NOT_AUTHORIZED,
    /** §4.9.3.13: XML that is not well-formed or not namespace-well-formed. */
    NOT_WELL_FORMED,
    /** §4.9.3.14: a local policy (e.g. a size or rate limit) was violated. */
    POLICY_VIOLATION,
    /** §4.9.3.15: a remote server could not be reached. */
    REMOTE_CONNECTION_FAILED,
    /** §4.9.3.16: security-critical state changed; reconnect. */
    RESET,
    /** §4.9.3.17: the server lacks resources. */
    RESOURCE_CONSTRAINT,
    /** §4.9.3.18: restricted XML (comments, PIs, DTDs, entity references; §11.1). */
    RESTRICTED_XML,
    /** §4.9.3.19: connect elsewhere; the element carries the new host. */
    SEE_OTHER_HOST,
    /** §4.9.3.20: the server is shutting down. */
    SYSTEM_SHUTDOWN,
    /** §4.9.3.21. */
    UNDEFINED_CONDITION,
    /** §4.9.3.22: an encoding other than UTF-8. */
    UNSUPPORTED_ENCODING,
    /** §4.9.3.23: a mandatory-to-negotiate feature is not supported. */
    UNSUPPORTED_FEATURE,
    /** §4.9.3.24: a top-level element that is not understood. */
    UNSUPPORTED_STANZA_TYPE,
    /** §4.9.3.25: the stream version is not supported. */
    UNSUPPORTED_VERSION;

    private final String wireName = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The local name of the condition element. */
    public String wireName() {
        return wireName;
    }

    /** The condition with this element name, if it is one of RFC 6120 §4.9.3. */
    public static Option<StreamErrorCondition> fromWire(String localName) {
        for (StreamErrorCondition c : values()) {
            if (c.wireName.equals(localName)) {
                return Option.some(c);
            }
        }
        return Option.none();
    }
}
