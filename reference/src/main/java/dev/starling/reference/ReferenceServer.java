package dev.starling.reference;

import dev.starling.io.server.EntityLimits;
import dev.starling.io.server.ProxySettings;
import dev.starling.io.server.ServerSettings;
import dev.starling.io.server.StarlingServer;
import dev.starling.io.session.SessionSettings;
import dev.starling.io.store.AccountStore;
import dev.starling.io.tls.SelfSignedCertificate;
import dev.starling.io.tls.TlsCredentials;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.routing.ConflictPolicy;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.machine.stream.server.ServerConfig;
import dev.starling.model.disco.Identity;
import dev.starling.model.jid.Jid;
import dev.starling.model.version.SoftwareVersion;
import io.vavr.collection.Array;
import io.vavr.control.Option;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Assembles the reference server: required STARTTLS, direct TLS, the default SASL policy, liveness
 * pings, a certificate from the data directory; registration and non-SASL login as configured.
 */
final class ReferenceServer {

    private ReferenceServer() {
    }

    /** A server not yet listening, its machine configuration adjusted from the defaults (e.g. registration on). */
    static StarlingServer create(String host, int port, Option<Integer> tlsPort, Jid domain, Path data, AccountStore accounts,
                                 UnaryOperator<ServerConfig> adjust) {
        return create(host, port, tlsPort, domain, data, accounts, adjust, Runtime.getRuntime().availableProcessors());
    }

    /** The same, with this many event-loop threads and no bytestream proxy. */
    static StarlingServer create(String host, int port, Option<Integer> tlsPort, Jid domain, Path data, AccountStore accounts,
                                 UnaryOperator<ServerConfig> adjust, int ioThreads) {
        return create(host, port, tlsPort, domain, data, accounts, adjust, ioThreads, Option.none());
    }

    /** The same, running this XEP-0065 bytestream proxy as {@code proxy.<domain>}. */
    static StarlingServer create(String host, int port, Option<Integer> tlsPort, Jid domain, Path data, AccountStore accounts,
                                 UnaryOperator<ServerConfig> adjust, int ioThreads, Option<ProxySettings> proxy) {
        return create(host, port, tlsPort, domain, data, accounts, adjust, ioThreads, proxy, EntityLimits.defaults());
    }

    /** The same, with these account entity limits (offline quota, accounts kept loaded, inputs queued per account). */
    static StarlingServer create(String host, int port, Option<Integer> tlsPort, Jid domain, Path data, AccountStore accounts,
                                 UnaryOperator<ServerConfig> adjust, int ioThreads, Option<ProxySettings> proxy, EntityLimits entities) {
        TlsCredentials certificate = SelfSignedCertificate.loadOrCreate(DataDirectory.open(data), domain.domain())
                .getOrElseThrow(problem -> new IllegalStateException("cannot load or create the certificate: " + problem));
        ServerConfig machine = adjust.apply(ServerConfig.defaults(domain, new EntityServices(Array.of(Identity.of("server", "im", "Starling")),
                Array.empty(), Array.empty(), SoftwareVersion.of("Starling", "0.1"))));
        var tls = TlsSetups.server(TrustPolicy.system().serverContext(certificate, false)
                .getOrElseThrow(problem -> new IllegalStateException(problem)));
        return StarlingServer.create(new ServerSettings(host, port, tlsPort, machine, SessionSettings.serverDefaults(),
                ConflictPolicy.REPLACE_OLD, 16, ioThreads, proxy, entities), accounts, Option.some(tls));
    }

    /** The certificate of the data directory, for clients that pin it. */
    static TlsCredentials certificate(Path data, Jid domain) {
        return SelfSignedCertificate.loadOrCreate(DataDirectory.open(data), domain.domain())
                .getOrElseThrow(problem -> new IllegalStateException(problem));
    }
}
