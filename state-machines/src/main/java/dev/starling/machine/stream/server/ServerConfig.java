package dev.starling.machine.stream.server;

import dev.starling.machine.sasl.SaslServerPolicy;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.model.jid.Jid;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server negotiates and runs a client stream.
 *
 * @param domain             the domain this server serves (RFC 6120 §4.7.2)
 * @param tls                the STARTTLS policy (RFC 6120 §5.3.1)
 * @param sasl               which SASL mechanisms are allowed and under which conditions
 * @param negotiationTimeout how long a client may take to finish negotiation (then connection-timeout)
 * @param idleTimeout        how long a ready stream may stay silent (then connection-timeout, RFC 6120 §4.6.1)
 * @param closeTimeout       how long to wait for the client's {@code </stream:stream>}
 * @param maxSaslFailures    failed SASL attempts allowed before policy-violation (RFC 6120 §6.4.5: 2 to 5)
 * @param services           what the server answers about itself (ping, version, disco)
 * @param livenessTimeout    when a ready stream has been idle, the server pings the client (XEP-0199 §4.1) and
 *                           waits this long for the answer before connection-timeout; none closes at once
 */
public record ServerConfig(Jid domain, TlsPolicy tls, SaslServerPolicy sasl, Duration negotiationTimeout, Duration idleTimeout,
                           Duration closeTimeout, int maxSaslFailures, EntityServices services,
                           Option<Duration> livenessTimeout) {

    public ServerConfig {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(sasl, "sasl");
        Objects.requireNonNull(negotiationTimeout, "negotiationTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(livenessTimeout, "livenessTimeout");
        if (!domain.isDomain()) {
            throw new IllegalArgumentException("the server's address is a domain: " + domain);
        }
        if (maxSaslFailures < 2 || maxSaslFailures > 5) {
            throw new IllegalArgumentException("RFC 6120 §6.4.5 allows between 2 and 5 retries: " + maxSaslFailures);
        }
    }

    /** The same configuration with another idle timeout and liveness-ping timeout. */
    public ServerConfig withLiveness(Duration idle, Option<Duration> liveness) {
        return new ServerConfig(domain, tls, sasl, negotiationTimeout, idle, closeTimeout, maxSaslFailures, services, liveness);
    }
}
