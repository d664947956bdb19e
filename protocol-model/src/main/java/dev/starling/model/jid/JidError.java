package dev.starling.model.jid;

import java.util.Objects;

/**
 * Why a string is not a valid JID: which part broke which rule of RFC 7622.
 *
 * @param part  the offending part
 * @param rule  the rule broken, in words (e.g. "must not be empty (RFC 7622 §3.3)")
 * @param input the whole string that was parsed
 */
public record JidError(JidPart part, String rule, String input) {

    public JidError {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(input, "input");
    }

    /** A one-line description naming the part, the rule and the input. */
    public String message() {
        return "invalid JID '" + input + "': " + part.name().toLowerCase(java.util.Locale.ROOT) + " " + rule;
    }

    @Override
    public String toString() {
        return message();
    }
}
