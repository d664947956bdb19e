package dev.starling.io.server;

import dev.starling.io.session.SessionSettings;
import dev.starling.machine.routing.ConflictPolicy;
import dev.starling.machine.stream.server.ServerConfig;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * How an embedded server listens and behaves.
 *
 * @param host                  the address to listen on (loopback by default)
 * @param port                  the STARTTLS port, 0 for any free port
 * @param directTlsPort         the XEP-0368 direct TLS port, if any (0 for any free port)
 * @param machine               the session machine's configuration (domain, TLS and SASL policy, timeouts)
 * @param session               the runner's settings (limits, codecs, clock, randomness)
 * @param conflictPolicy        what a resource conflict does (RFC 6120 §7.7.2.2)
 * @param maxSessionsPerAccount how many sessions one account may bind at once
 * @param ioThreads             how many event-loop threads serve the connections; the router runs on the first
 *                              (one thread, like Prosody's, costs the least CPU per stanza: no hand-over between threads)
 * @param proxy                 the XEP-0065 bytestream proxy component, if the server runs one
 * @param entities              the account entities' limits (offline quota, accounts kept loaded, inputs queued)
 */
public record ServerSettings(String host, int port, Option<Integer> directTlsPort, ServerConfig machine, SessionSettings session,
                             ConflictPolicy conflictPolicy, int maxSessionsPerAccount, int ioThreads, Option<ProxySettings> proxy,
                             EntityLimits entities) {

    public ServerSettings {
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
        }
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(directTlsPort, "directTlsPort");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(conflictPolicy, "conflictPolicy");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(entities, "entities");
    }

    /** Settings with the default entity limits. */
    public ServerSettings(String host, int port, Option<Integer> directTlsPort, ServerConfig machine, SessionSettings session,
                          ConflictPolicy conflictPolicy, int maxSessionsPerAccount, int ioThreads, Option<ProxySettings> proxy) {
        this(host, port, directTlsPort, machine, session, conflictPolicy, maxSessionsPerAccount, ioThreads, proxy, EntityLimits.defaults());
    }

    /** Settings without a proxy. */
    public ServerSettings(String host, int port, Option<Integer> directTlsPort, ServerConfig machine, SessionSettings session,
                          ConflictPolicy conflictPolicy, int maxSessionsPerAccount, int ioThreads) {
        this(host, port, directTlsPort, machine, session, conflictPolicy, maxSessionsPerAccount, ioThreads, Option.none());
    }

    /** Settings with one event-loop thread per available processor. */
    public ServerSettings(String host, int port, Option<Integer> directTlsPort, ServerConfig machine, SessionSettings session,
                          ConflictPolicy conflictPolicy, int maxSessionsPerAccount) {
        this(host, port, directTlsPort, machine, session, conflictPolicy, maxSessionsPerAccount, Runtime.getRuntime().availableProcessors());
    }

    /** The same settings with another machine configuration. */
    public ServerSettings withMachine(ServerConfig newMachine) {
        return new ServerSettings(host, port, directTlsPort, newMachine, session, conflictPolicy, maxSessionsPerAccount, ioThreads, proxy, entities);
    }

    /** The same settings with another number of event-loop threads. */
    public ServerSettings withIoThreads(int threads) {
        return new ServerSettings(host, port, directTlsPort, machine, session, conflictPolicy, maxSessionsPerAccount, threads, proxy, entities);
    }

    /** The same settings running this bytestream proxy. */
    public ServerSettings withProxy(ProxySettings settings) {
        return new ServerSettings(host, port, directTlsPort, machine, session, conflictPolicy, maxSessionsPerAccount, ioThreads,
                Option.some(settings), entities);
    }

    /** The same settings with other account entity limits. */
    public ServerSettings withEntities(EntityLimits limits) {
        return new ServerSettings(host, port, directTlsPort, machine, session, conflictPolicy, maxSessionsPerAccount, ioThreads, proxy, limits);
    }
}
