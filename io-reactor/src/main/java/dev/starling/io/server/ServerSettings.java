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
 */
public record ServerSettings(String host, int port, Option<Integer> directTlsPort, ServerConfig machine, SessionSettings session,
                             ConflictPolicy conflictPolicy, int maxSessionsPerAccount) {

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(directTlsPort, "directTlsPort");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(conflictPolicy, "conflictPolicy");
    }

    /** The same settings with another machine configuration. */
    public ServerSettings withMachine(ServerConfig newMachine) {
        return new ServerSettings(host, port, directTlsPort, newMachine, session, conflictPolicy, maxSessionsPerAccount);
    }
}
