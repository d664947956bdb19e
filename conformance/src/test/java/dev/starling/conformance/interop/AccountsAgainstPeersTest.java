package dev.starling.conformance.interop;

import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.jid.Jid;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Starling client managing accounts on real servers: it registers in-band (XEP-0077 §3.1;
 * Prosody asks for an email through a data form, ejabberd for the fixed fields), logs in with the
 * new account, changes the password (§3.3), logs in with the new one, and cancels the account
 * (§3.2); and it logs in to Prosody with XEP-0078 non-SASL authentication over TLS when told to
 * use no SASL mechanism.
 */
class AccountsAgainstPeersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Prosody, 25222", "ejabberd, 35222"})
    void registersChangesThePasswordAndCancels(String peer, int port) {
        InetSocketAddress address = Peers.require(peer, port);
        String username = "starling-" + Long.toString(System.nanoTime(), 36);
        Jid account = Jid.of(username + "@localhost");

        XmppClient registered = XmppClient.register(settings(config(account, "first-secret"), address), tls(),
                HashMap.of("email", username + "@example.com")).block(Duration.ofSeconds(20));
        assertThat(registered.jid().bare()).isEqualTo(account);
        registered.changePassword("second-secret").block(Duration.ofSeconds(10));
        registered.close().block(Duration.ofSeconds(10));

        assertThat(outcome(config(account, "first-secret"), address)).contains("not-authorized");
        XmppClient renewed = XmppClient.connect(settings(config(account, "second-secret"), address), tls()).block(Duration.ofSeconds(20));
        var ended = renewed.events().filter(SessionEvent.Ended.class::isInstance).next().toFuture();
        renewed.cancelRegistration().block(Duration.ofSeconds(10));
        ended.join();
        assertThat(outcome(config(account, "second-secret"), address)).contains("not-authorized");
    }

    /**
     * Prosody only: ejabberd 23.01's mod_legacy_auth answers not-authorized to the right
     * plaintext password when accounts are stored as SCRAM-SHA-256 (its SASL PLAIN accepts the
     * same password; the request Starling sends is the one Prosody accepts, Example 3).
     */
    @Test
    void logsInWithoutSasl() {
        InetSocketAddress address = Peers.require("Prosody", 25222);
        ClientConfig alice = config(Jid.of("alice@localhost/legacy"), "secret-alice").withMechanisms(List.empty()).withLegacyAuth(true);
        XmppClient client = XmppClient.connect(settings(alice, address), tls()).block(Duration.ofSeconds(20));
        assertThat(client.jid()).isEqualTo(Jid.of("alice@localhost/legacy"));
        assertThat(client.events().filter(SessionEvent.Authenticated.class::isInstance).blockFirst(Duration.ofSeconds(5)))
                .isEqualTo(new SessionEvent.Authenticated("jabber:iq:auth", "alice"));
        assertThat(client.ping(Option.none()).block(Duration.ofSeconds(10))).isPositive();
        client.close().block(Duration.ofSeconds(10));
    }

    private static ClientConfig config(Jid jid, String password) {
        return ClientConfig.of(jid, password).withKeepalive(Option.none());
    }

    private static ClientSettings settings(ClientConfig config, InetSocketAddress address) {
        return ClientSettings.of(config, address);
    }

    private static Option<dev.starling.io.session.TlsSetup> tls() {
        var context = TrustPolicy.trustStore(Peers.CERTIFICATE).clientContext(Option.none()).get();
        return Option.some(TlsSetups.client(context, "localhost"));
    }

    private static String outcome(ClientConfig config, InetSocketAddress address) {
        return XmppClient.connect(settings(config, address), tls()).map(c -> "connected")
                .onErrorResume(e -> Mono.just(e.getMessage())).block(Duration.ofSeconds(20));
    }
}
