package dev.starling.codec;

import dev.starling.model.stanza.StanzaErrorCondition;

import java.util.Objects;

/**
 * Why an element could not become its typed record, with the stanza error condition that
 * answers it (RFC 6120 §8.3.3: {@code bad-request} for a malformed payload,
 * {@code jid-malformed} for an invalid address).
 *
 * @param condition the stanza error condition to reply with
 * @param reason    what is wrong, for the error's {@code <text/>} and for logs
 */
public record CodecError(StanzaErrorCondition condition, String reason) {

    public CodecError {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(reason, "reason");
    }

    /** A malformed element (RFC 6120 §8.3.3.1). */
    public static CodecError badRequest(String reason) {
        return new CodecError(StanzaErrorCondition.BAD_REQUEST, reason);
    }

    /** An invalid address (RFC 6120 §8.3.3.8). */
    public static CodecError jidMalformed(String reason) {
        return new CodecError(StanzaErrorCondition.JID_MALFORMED, reason);
    }
}
