package dev.starling.conformance.wire;

import dev.starling.io.client.XmppClient;
import dev.starling.io.session.SessionSettings;
import dev.starling.machine.account.RegistrationPolicy;
import dev.starling.machine.sasl.SaslMechanismNames;
import dev.starling.machine.sasl.SaslServerPolicy;
import dev.starling.machine.session.TlsPolicy;

import java.time.Duration;
import java.util.Base64;

/**
 * A started Starling test server for tests outside this package (interop): its port, its
 * certificate as PEM, its accounts, and pinned Starling clients.
 */
public final class WireAccess implements AutoCloseable {

    private final WireFixture fixture;

    private WireAccess(WireFixture fixture) {
        this.fixture = fixture;
    }

    /** A server with accounts juliet and romeo, STARTTLS required, direct TLS on a second port. */
    public static WireAccess start() {
        return new WireAccess(new WireFixture());
    }

    /** The same with every mechanism enabled except the channel-binding (-PLUS) ones. */
    public static WireAccess startWithoutChannelBinding() {
        return new WireAccess(new WireFixture(TlsPolicy.REQUIRED, SessionSettings.defaults(), Duration.ofSeconds(10),
                new SaslServerPolicy(false, false, false, SaslMechanismNames.all().filter(m -> !m.endsWith("-PLUS")))));
    }

    /**
     * A server with in-band registration on (XEP-0077) and XEP-0078 non-SASL login offered;
     * the -PLUS mechanisms off when {@code channelBinding} is false (for slixmpp).
     */
    public static WireAccess startWithAccounts(boolean channelBinding) {
        return new WireAccess(new WireFixture(TlsPolicy.REQUIRED, SessionSettings.defaults(), Duration.ofSeconds(10),
                new SaslServerPolicy(false, false, false, SaslMechanismNames.all().filter(m -> channelBinding || !m.endsWith("-PLUS"))),
                config -> config.withRegistration(RegistrationPolicy.defaults().withRegistration(true)).withLegacyAuth(true)));
    }

    /** A server that offers no SASL mechanism, only XEP-0078 non-SASL login (over TLS). */
    public static WireAccess startWithLegacyAuthOnly() {
        return new WireAccess(new WireFixture(TlsPolicy.REQUIRED, SessionSettings.defaults(), Duration.ofSeconds(10),
                new SaslServerPolicy(false, false, false, io.vavr.collection.Array.empty()), config -> config.withLegacyAuth(true)));
    }

    /** A server running its XEP-0065 proxy {@code proxy.localhost} on a free loopback port. */
    public static WireAccess startWithProxy() {
        return new WireAccess(new WireFixture(dev.starling.io.server.ProxySettings.defaults().withPort(0)));
    }

    /** Whether the server stores this account now. */
    public boolean hasAccount(String username) {
        return fixture.server.accounts().credentials(username).block(Duration.ofSeconds(5)).isDefined();
    }

    public int port() {
        return fixture.server.address().getPort();
    }

    public int directTlsPort() {
        return fixture.server.directTlsAddress().get().getPort();
    }

    public String password(String user) {
        return WireFixture.password(user);
    }

    /** The server certificate in PEM form, for peers that need a trust anchor. */
    public String certificatePem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(fixture.certificate.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Starling client logged in as this user. */
    public XmppClient connect(String user) {
        return fixture.connect(user);
    }

    /** A Starling client logged in as this user that handles file transfer requests itself. */
    public XmppClient connectForFiles(String user) {
        return fixture.connect(dev.starling.io.client.ClientFileTransfer.enable(fixture.config(user)), false);
    }

    @Override
    public void close() {
        fixture.close();
    }
}
