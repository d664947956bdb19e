package dev.starling.machine.stream.server;

import dev.starling.machine.account.RegistrationPolicy;
import dev.starling.machine.sasl.SaslServerPolicy;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.model.jid.Jid;
import dev.starling.model.legacyauth.IqAuth;
import dev.starling.model.register.Register;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server negotiates and runs a client stream. Start from {@link #defaults} and change
 * what differs.
 *
 * @param domain             the domain this server serves (RFC 6120 §4.7.2)
 * @param tls                the STARTTLS policy (RFC 6120 §5.3.1)
 * @param sasl               which SASL mechanisms are allowed and under which conditions
 * @param negotiationTimeout how long a client may take to finish negotiation (then connection-timeout)
 * @param idleTimeout        how long a ready stream may stay silent before the liveness check (RFC 6120 §4.6.1)
 * @param closeTimeout       how long to wait for the client's {@code </stream:stream>}
 * @param maxSaslFailures    failed SASL attempts allowed before policy-violation (RFC 6120 §6.4.5: 2 to 5)
 * @param services           what the server answers about itself (ping, version, disco)
 * @param livenessTimeout    when a ready stream has been idle, the server pings the client (XEP-0199 §4.1) and
 *                           waits this long for the answer before connection-timeout; none closes at once
 * @param registration       what XEP-0077 in-band registration allows
 * @param legacyAuth         whether XEP-0078 non-SASL authentication is offered (on encrypted streams only)
 * @param startedAt          when the server started, for its XEP-0012 uptime
 * @param limits             how many stanzas, and how many presence stanzas, a session may send how fast (XEP-0205)
 */
public record ServerConfig(Jid domain, TlsPolicy tls, SaslServerPolicy sasl, Duration negotiationTimeout, Duration idleTimeout,
                           Duration closeTimeout, int maxSaslFailures, EntityServices services,
                           Option<Duration> livenessTimeout, RegistrationPolicy registration, boolean legacyAuth,
                           Option<java.time.Instant> startedAt, StanzaLimits limits) {

    public ServerConfig {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(sasl, "sasl");
        Objects.requireNonNull(negotiationTimeout, "negotiationTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(livenessTimeout, "livenessTimeout");
        Objects.requireNonNull(registration, "registration");
        if (!domain.isDomain()) {
            throw new IllegalArgumentException("the server's address is a domain: " + domain);
        }
        if (maxSaslFailures < 2 || maxSaslFailures > 5) {
            throw new IllegalArgumentException("RFC 6120 §6.4.5 allows between 2 and 5 retries: " + maxSaslFailures);
        }
    }

    /**
     * TLS required, the default SASL policy, 30 s to negotiate, a liveness ping after 5 min of
     * silence answered within 30 s, 5 s to close, 3 SASL failures, registration and non-SASL
     * authentication off, the default stanza rates ({@link StanzaLimits#defaults()}).
     */
    public static ServerConfig defaults(Jid domain, EntityServices services) {
        return new ServerConfig(domain, TlsPolicy.REQUIRED, SaslServerPolicy.defaults(), Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofSeconds(5), 3, services, Option.some(Duration.ofSeconds(30)), RegistrationPolicy.defaults(), false, Option.none(), StanzaLimits.defaults());
    }

    /** The same configuration with another TLS policy. */
    public ServerConfig withTls(TlsPolicy policy) {
        return new ServerConfig(domain, policy, sasl, negotiationTimeout, idleTimeout, closeTimeout, maxSaslFailures, services,
                livenessTimeout, registration, legacyAuth, startedAt, limits);
    }

    /** The same configuration with another SASL policy. */
    public ServerConfig withSasl(SaslServerPolicy policy) {
        return new ServerConfig(domain, tls, policy, negotiationTimeout, idleTimeout, closeTimeout, maxSaslFailures, services,
                livenessTimeout, registration, legacyAuth, startedAt, limits);
    }

    /** The same configuration with another negotiation timeout. */
    public ServerConfig withNegotiationTimeout(Duration timeout) {
        return new ServerConfig(domain, tls, sasl, timeout, idleTimeout, closeTimeout, maxSaslFailures, services,
                livenessTimeout, registration, legacyAuth, startedAt, limits);
    }

    /** The same configuration with another timeout for the client's closing tag. */
    public ServerConfig withCloseTimeout(Duration timeout) {
        return new ServerConfig(domain, tls, sasl, negotiationTimeout, idleTimeout, timeout, maxSaslFailures, services,
                livenessTimeout, registration, legacyAuth, startedAt, limits);
    }

    /** The same configuration with another idle timeout and liveness-ping timeout. */
    public ServerConfig withLiveness(Duration idle, Option<Duration> liveness) {
        return new ServerConfig(domain, tls, sasl, negotiationTimeout, idle, closeTimeout, maxSaslFailures, services, liveness,
                registration, legacyAuth, startedAt, limits);
    }

    /** The same configuration with another registration policy. */
    public ServerConfig withRegistration(RegistrationPolicy policy) {
        return new ServerConfig(domain, tls, sasl, negotiationTimeout, idleTimeout, closeTimeout, maxSaslFailures, services,
                livenessTimeout, policy, legacyAuth, startedAt, limits);
    }

    /** The same configuration with XEP-0078 non-SASL authentication on or off. */
    public ServerConfig withLegacyAuth(boolean offered) {
        return new ServerConfig(domain, tls, sasl, negotiationTimeout, idleTimeout, closeTimeout, maxSaslFailures, services,
                livenessTimeout, registration, offered, startedAt, limits);
    }

    /** The same configuration answering about itself with these services (a server adds its components' disco items). */
    public ServerConfig withServices(EntityServices newServices) {
        return new ServerConfig(domain, tls, sasl, negotiationTimeout, idleTimeout, closeTimeout, maxSaslFailures, newServices,
                livenessTimeout, registration, legacyAuth, startedAt, limits);
    }

    /** The same configuration with other stanza rate limits. */
    public ServerConfig withLimits(StanzaLimits newLimits) {
        return new ServerConfig(domain, tls, sasl, negotiationTimeout, idleTimeout, closeTimeout, maxSaslFailures, services,
                livenessTimeout, registration, legacyAuth, startedAt, newLimits);
    }

    /** The same configuration for a server that started at {@code instant} (XEP-0012 uptime). */
    public ServerConfig withStartedAt(java.time.Instant instant) {
        return new ServerConfig(domain, tls, sasl, negotiationTimeout, idleTimeout, closeTimeout, maxSaslFailures, services,
                livenessTimeout, registration, legacyAuth, Option.some(instant), limits);
    }

    /**
     * What the server answers about itself, with the features its account policies add (XEP-0077
     * §10, XEP-0078), and what every account entity provides: offline storage, the blocking
     * command, vCards and private storage (XEP-0160 §4, XEP-0013 §2.1, XEP-0191 §3.1, XEP-0016 §3, XEP-0054 §6, XEP-0049).
     */
    EntityServices advertisedServices() {
        Seq<String> features = Array.of("msgoffline", dev.starling.model.offline.OfflineRetrieval.NAMESPACE, "urn:xmpp:blocking",
                dev.starling.model.privacy.PrivacyQuery.NAMESPACE, "vcard-temp", "jabber:iq:private");
        if (registration.registration() || registration.passwordChange() || registration.cancellation()) {
            features = features.append(Register.NAMESPACE);
        }
        if (legacyAuth) {
            features = features.append(IqAuth.NAMESPACE);
        }
        return services.withFeatures(features);
    }

    /** Whether passwords may travel on this stream: encrypted, or PLAIN without TLS explicitly allowed. */
    boolean passwordsAllowed(ServerContext context) {
        return context.tls() || sasl.allowPlainWithoutTls();
    }
}
