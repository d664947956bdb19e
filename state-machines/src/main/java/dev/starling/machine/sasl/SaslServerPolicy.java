package dev.starling.machine.sasl;

import io.vavr.collection.Seq;

import java.util.Objects;

/**
 * The server's SASL policy (RFC 6120 §6.4.1, §13.8.3): which mechanisms are enabled, and whether
 * PLAIN may run without TLS, ANONYMOUS (XEP-0175) and EXTERNAL (XEP-0178) are allowed.
 *
 * @param allowPlainWithoutTls whether PLAIN may be used on an unencrypted stream (normally not)
 * @param allowAnonymous       whether anonymous sessions are allowed
 * @param allowExternal        whether a client certificate may authenticate the client
 * @param enabled              the mechanism names the operator enabled
 */
public record SaslServerPolicy(boolean allowPlainWithoutTls, boolean allowAnonymous, boolean allowExternal,
                               Seq<String> enabled) {

    public SaslServerPolicy {
        Objects.requireNonNull(enabled, "enabled");
    }

    /** Every mechanism enabled, EXTERNAL allowed, ANONYMOUS not, PLAIN only over TLS. */
    public static SaslServerPolicy defaults() {
        return new SaslServerPolicy(false, false, true, SaslMechanismNames.all());
    }

    /** Whether the operator enabled the mechanism. */
    public boolean isEnabled(String mechanism) {
        return enabled.contains(mechanism);
    }
}
