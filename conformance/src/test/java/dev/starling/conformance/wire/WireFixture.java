package dev.starling.conformance.wire;

import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.server.ServerSettings;
import dev.starling.io.server.StarlingServer;
import dev.starling.io.session.SessionSettings;
import dev.starling.io.session.TlsSetup;
import dev.starling.io.store.InMemoryAccountStore;
import dev.starling.io.tls.SelfSignedCertificate;
import dev.starling.io.tls.TlsCredentials;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.routing.ConflictPolicy;
import dev.starling.machine.sasl.SaslMechanismNames;
import dev.starling.machine.sasl.SaslServerPolicy;
import dev.starling.machine.sasl.ScramCredentialsFactory;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.machine.stream.server.ServerConfig;
import dev.starling.model.Bytes;
import dev.starling.model.disco.Identity;
import dev.starling.model.jid.Jid;
import dev.starling.model.version.SoftwareVersion;
import io.vavr.collection.Array;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Test helper: an embedded Starling server on loopback with a fresh self-signed certificate for
 * {@code localhost}, STARTTLS and a direct TLS port, accounts juliet and romeo; and clients that
 * pin the server's key.
 */
final class WireFixture implements AutoCloseable {

    static final Jid DOMAIN = Jid.of("localhost");

    final TlsCredentials certificate;
    final StarlingServer server;

    WireFixture(TlsPolicy tls, SessionSettings session) {
        this(tls, session, Duration.ofSeconds(10));
    }

    WireFixture(TlsPolicy tls, SessionSettings session, Duration negotiationTimeout) {
        this(tls, session, negotiationTimeout, new SaslServerPolicy(false, false, false, SaslMechanismNames.all()));
    }

    WireFixture(TlsPolicy tls, SessionSettings session, Duration negotiationTimeout, SaslServerPolicy sasl) {
        this(tls, session, negotiationTimeout, sasl, UnaryOperator.identity());
    }

    WireFixture(TlsPolicy tls, SessionSettings session, Duration negotiationTimeout, SaslServerPolicy sasl,
                UnaryOperator<ServerConfig> adjust) {
        this(tls, session, negotiationTimeout, sasl, adjust, new InMemoryAccountStore(), SelfSignedCertificate.generate(DOMAIN.domain()),
                Option.none());
    }

    /** A server running this XEP-0065 bytestream proxy. */
    WireFixture(dev.starling.io.server.ProxySettings proxy) {
        this(TlsPolicy.REQUIRED, SessionSettings.defaults(), Duration.ofSeconds(10), new SaslServerPolicy(false, false, false, SaslMechanismNames.all()),
                UnaryOperator.identity(), new InMemoryAccountStore(), SelfSignedCertificate.generate(DOMAIN.domain()), Option.some(proxy));
    }

    /** A server on {@code accounts} (juliet and romeo created if missing) presenting {@code certificate}: to restart on the same data. */
    WireFixture(dev.starling.io.store.AccountStore accounts, TlsCredentials certificate) {
        this(TlsPolicy.REQUIRED, SessionSettings.defaults(), Duration.ofSeconds(10),
                new SaslServerPolicy(false, false, false, SaslMechanismNames.all()), UnaryOperator.identity(), accounts, certificate, Option.none());
    }

    private WireFixture(TlsPolicy tls, SessionSettings session, Duration negotiationTimeout, SaslServerPolicy sasl,
                        UnaryOperator<ServerConfig> adjust, dev.starling.io.store.AccountStore accounts, TlsCredentials certificate,
                        Option<dev.starling.io.server.ProxySettings> proxy) {
        this.certificate = certificate;
        for (String user : new String[]{"juliet", "romeo"}) {
            if (accounts.credentials(user).block().isEmpty()) {
                accounts.create(user, ScramCredentialsFactory.deriveAll(password(user), Bytes.of(("salt-" + user).getBytes()), 4096))
                        .block();
            }
        }
        ServerConfig machine = adjust.apply(ServerConfig.defaults(DOMAIN, new EntityServices(Array.of(Identity.of("server", "im", "Starling")),
                        Array.empty(), Array.empty(), SoftwareVersion.of("Starling", "test")))
                .withTls(tls).withSasl(sasl).withNegotiationTimeout(negotiationTimeout).withCloseTimeout(Duration.ofSeconds(2)));
        TlsSetup serverTls = TlsSetups.server(TrustPolicy.system().serverContext(certificate, false).get());
        server = StarlingServer.create(new ServerSettings("127.0.0.1", 0, Option.some(0), machine, session,
                ConflictPolicy.REPLACE_OLD, 10, Runtime.getRuntime().availableProcessors(), proxy), accounts, Option.some(serverTls)).start().block(Duration.ofSeconds(10));
    }

    WireFixture() {
        this(TlsPolicy.REQUIRED, SessionSettings.defaults());
    }

    static String password(String user) {
        return "secret-" + user;
    }

    TlsSetup clientTls() {
        return TlsSetups.client(TrustPolicy.pinned(Array.of(TrustPolicy.pinOf(certificate.certificate())))
                .clientContext(Option.none()).get(), DOMAIN.domain());
    }

    ClientConfig config(String user) {
        return ClientConfig.of(Jid.of(user + "@localhost/wire"), password(user)).withKeepalive(Option.none());
    }

    XmppClient connect(ClientConfig config, boolean directTls) {
        ClientSettings settings = ClientSettings.of(config, directTls ? server.directTlsAddress().get() : server.address())
                .withDirectTls(directTls);
        return XmppClient.connect(settings, Option.some(clientTls())).block(Duration.ofSeconds(15));
    }

    XmppClient connect(String user) {
        return connect(config(user), false);
    }

    @Override
    public void close() {
        server.close();
    }
}
