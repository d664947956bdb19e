package dev.starling.conformance.wire;

import dev.starling.io.client.XmppClient;

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
        return new WireAccess(new WireFixture(dev.starling.machine.session.TlsPolicy.REQUIRED,
                dev.starling.io.session.SessionSettings.defaults(), java.time.Duration.ofSeconds(10),
                new dev.starling.machine.sasl.SaslServerPolicy(false, false, false,
                        dev.starling.machine.sasl.SaslMechanismNames.all().filter(m -> !m.endsWith("-PLUS")))));
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

    @Override
    public void close() {
        fixture.close();
    }
}
