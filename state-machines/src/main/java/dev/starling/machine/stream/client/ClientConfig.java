package dev.starling.machine.stream.client;

import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.model.disco.Identity;
import dev.starling.model.jid.Jid;
import dev.starling.model.version.SoftwareVersion;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.Objects;

/**
 * How a client negotiates and runs its stream.
 *
 * @param jid                  the account (bare) or account with the resource to request (full)
 * @param password             the password, for SCRAM and PLAIN
 * @param tls                  the STARTTLS policy (RFC 6120 §5.3.1)
 * @param allowPlainWithoutTls whether PLAIN may be used on an unencrypted stream (tests only)
 * @param mechanisms           the SASL mechanisms to try, in order of preference
 * @param negotiationTimeout   how long negotiation may take before the client gives up
 * @param closeTimeout         how long to wait for the server's {@code </stream:stream>}
 * @param keepalive            the whitespace keepalive interval once ready (RFC 6120 §4.6.1)
 * @param iqTimeout            how long an IQ request waits for its response (RFC 6120 §8.2.3)
 * @param services             what the client answers about itself (ping, version, disco)
 * @param lang                 the {@code xml:lang} of the stream (RFC 6120 §4.7.4)
 * @param announceIdentityBeforeTls whether the initial header carries 'from' before TLS protects it;
 *                             RFC 6120 §4.7.1 advises against it when the identity is private,
 *                             so the default is false (after TLS 'from' is always sent)
 * @param registration         if present, register the account in-band before logging in (XEP-0077 §3.1),
 *                             with these values for fields besides username and password (email, name, ...)
 * @param legacyAuth           whether XEP-0078 non-SASL authentication may be used when the server offers no
 *                             usable SASL mechanism (SASL is always preferred, §7); off by default
 * @param handledRequests      payload types of IQ requests the application answers itself (none by default)
 */
public record ClientConfig(Jid jid, String password, TlsPolicy tls, boolean allowPlainWithoutTls, Seq<String> mechanisms,
                           Duration negotiationTimeout, Duration closeTimeout, Option<Duration> keepalive, Duration iqTimeout,
                           EntityServices services, String lang, boolean announceIdentityBeforeTls,
                           Option<Map<String, String>> registration, boolean legacyAuth,
                           io.vavr.collection.Set<Class<? extends dev.starling.model.Extension>> handledRequests) {

    /** Strongest first: channel-bound SCRAM, SCRAM, then PLAIN (which needs TLS). */
    public static final Seq<String> DEFAULT_MECHANISMS = List.of("SCRAM-SHA-512-PLUS", "SCRAM-SHA-256-PLUS",
            "SCRAM-SHA-1-PLUS", "SCRAM-SHA-512", "SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");

    /** A client identity (XEP-0030 category client, type pc) and Starling's name. */
    public static final EntityServices DEFAULT_SERVICES = new EntityServices(Array.of(Identity.of("client", "pc", "Starling")),
            Array.empty(), Array.empty(), SoftwareVersion.of("Starling", "0.1"));

    public ClientConfig {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(mechanisms, "mechanisms");
        Objects.requireNonNull(negotiationTimeout, "negotiationTimeout");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        Objects.requireNonNull(keepalive, "keepalive");
        Objects.requireNonNull(iqTimeout, "iqTimeout");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(handledRequests, "handledRequests");
        if (jid.local().isEmpty()) {
            throw new IllegalArgumentException("a client JID needs a localpart: " + jid);
        }
    }

    /** Required TLS, the default mechanisms, 30 s to negotiate, 5 s to close, keepalive every 60 s, 30 s per IQ. */
    public static ClientConfig of(Jid jid, String password) {
        return new ClientConfig(jid, password, TlsPolicy.REQUIRED, false, DEFAULT_MECHANISMS, Duration.ofSeconds(30),
                Duration.ofSeconds(5), Option.some(Duration.ofSeconds(60)), Duration.ofSeconds(30), DEFAULT_SERVICES, "en", false, Option.none(), false, io.vavr.collection.HashSet.empty());
    }

    public ClientConfig withTls(TlsPolicy policy) {
        return new ClientConfig(jid, password, policy, allowPlainWithoutTls, mechanisms, negotiationTimeout, closeTimeout,
                keepalive, iqTimeout, services, lang, announceIdentityBeforeTls, registration, legacyAuth, handledRequests);
    }

    public ClientConfig withMechanisms(Seq<String> preference) {
        return new ClientConfig(jid, password, tls, allowPlainWithoutTls, preference, negotiationTimeout, closeTimeout,
                keepalive, iqTimeout, services, lang, announceIdentityBeforeTls, registration, legacyAuth, handledRequests);
    }

    public ClientConfig withPlainWithoutTls(boolean allowed) {
        return new ClientConfig(jid, password, tls, allowed, mechanisms, negotiationTimeout, closeTimeout, keepalive,
                iqTimeout, services, lang, announceIdentityBeforeTls, registration, legacyAuth, handledRequests);
    }

    public ClientConfig withNegotiationTimeout(Duration timeout) {
        return new ClientConfig(jid, password, tls, allowPlainWithoutTls, mechanisms, timeout, closeTimeout, keepalive,
                iqTimeout, services, lang, announceIdentityBeforeTls, registration, legacyAuth, handledRequests);
    }

    public ClientConfig withKeepalive(Option<Duration> interval) {
        return new ClientConfig(jid, password, tls, allowPlainWithoutTls, mechanisms, negotiationTimeout, closeTimeout,
                interval, iqTimeout, services, lang, announceIdentityBeforeTls, registration, legacyAuth, handledRequests);
    }

    public ClientConfig withIdentityBeforeTls(boolean announce) {
        return new ClientConfig(jid, password, tls, allowPlainWithoutTls, mechanisms, negotiationTimeout, closeTimeout,
                keepalive, iqTimeout, services, lang, announce, registration, legacyAuth, handledRequests);
    }

    public ClientConfig withIqTimeout(Duration timeout) {
        return new ClientConfig(jid, password, tls, allowPlainWithoutTls, mechanisms, negotiationTimeout, closeTimeout,
                keepalive, timeout, services, lang, announceIdentityBeforeTls, registration, legacyAuth, handledRequests);
    }

    /** The same configuration registering the account first (XEP-0077), with these extra field values. */
    public ClientConfig withRegistration(Map<String, String> details) {
        return new ClientConfig(jid, password, tls, allowPlainWithoutTls, mechanisms, negotiationTimeout, closeTimeout,
                keepalive, iqTimeout, services, lang, announceIdentityBeforeTls, Option.some(details), legacyAuth, handledRequests);
    }

    /** The same configuration with XEP-0078 non-SASL authentication allowed or not. */
    public ClientConfig withLegacyAuth(boolean allowed) {
        return new ClientConfig(jid, password, tls, allowPlainWithoutTls, mechanisms, negotiationTimeout, closeTimeout,
                keepalive, iqTimeout, services, lang, announceIdentityBeforeTls, registration, allowed, handledRequests);
    }

    /** The same configuration announcing these services (disco identity and features, XEP-0030, XEP-0115). */
    public ClientConfig withServices(EntityServices newServices) {
        return new ClientConfig(jid, password, tls, allowPlainWithoutTls, mechanisms, negotiationTimeout, closeTimeout, keepalive,
                iqTimeout, newServices, lang, announceIdentityBeforeTls, registration, legacyAuth, handledRequests);
    }

    /**
     * The same configuration handing IQ requests with these payloads to the application, which
     * answers them (file transfer, for instance), instead of answering {@code service-unavailable}.
     */
    public ClientConfig withHandledRequests(io.vavr.collection.Set<Class<? extends dev.starling.model.Extension>> payloads) {
        return new ClientConfig(jid, password, tls, allowPlainWithoutTls, mechanisms, negotiationTimeout, closeTimeout, keepalive,
                iqTimeout, services, lang, announceIdentityBeforeTls, registration, legacyAuth, payloads);
    }
}
