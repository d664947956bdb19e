package dev.starling.machine.stream.federation;

import dev.starling.model.jid.Jid;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of this server's side of server-to-server streams. TLS is not a setting: without
 * it there is no certificate, and certificates are the only authentication Starling federates
 * with (XEP-0178 §4; no Server Dialback).
 *
 * @param domain             this server's domain: the 'from' of its initial headers and the only
 *                           'to' it accepts (RFC 6120 §4.7.1, §4.7.2)
 * @param negotiationTimeout how long negotiation may take before connection-timeout (§4.9.3.4)
 * @param closeTimeout       how long to wait for the peer's {@code </stream>} after sending ours (§4.4)
 * @param maxQueued          stanzas the initiating side holds while it negotiates; the next one is
 *                           answered with resource-constraint
 */
public record FederationConfig(Jid domain, Duration negotiationTimeout, Duration closeTimeout, int maxQueued) {

    public FederationConfig {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(negotiationTimeout, "negotiationTimeout");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (!domain.isDomain()) {
            throw new IllegalArgumentException("a server's identity is a domain: " + domain);
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("maxQueued must not be negative");
        }
    }

    /** 30 s to negotiate, 10 s to close, 1,000 queued stanzas. */
    public static FederationConfig defaults(Jid domain) {
        return new FederationConfig(domain, Duration.ofSeconds(30), Duration.ofSeconds(10), 1000);
    }
}
