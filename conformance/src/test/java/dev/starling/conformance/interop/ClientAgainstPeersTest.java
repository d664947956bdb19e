package dev.starling.conformance.interop;

import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Starling client against real servers: it logs into Prosody and ejabberd with STARTTLS and
 * every SCRAM variant each offers, binds, pings, and exchanges a message with a second account;
 * direct TLS (XEP-0368) too. On {@code localhost} the peers store salted keys and offer only the
 * stored variant (SCRAM-SHA-1 on Prosody 0.12, SCRAM-SHA-256 and its -PLUS on ejabberd); on
 * {@code plain.localhost} they store the password and offer every variant they implement:
 * SCRAM-SHA-1 and SCRAM-SHA-256 on Prosody, SCRAM-SHA-1, -256 and -512 on ejabberd. ejabberd 23.01
 * also offers the -PLUS variants, but binds only {@code tls-unique}, which TLS 1.3 does not define
 * (RFC 9266 §3), and announces no binding types (XEP-0440): the client does not choose them there.
 */
class ClientAgainstPeersTest {

    @ParameterizedTest(name = "{0} {1} {4} direct TLS {3}")
    @CsvSource({"Prosody, SCRAM-SHA-1, 25222, false, localhost", "Prosody, SCRAM-SHA-1, 25223, true, localhost",
            "ejabberd, SCRAM-SHA-256, 35222, false, localhost", "ejabberd, SCRAM-SHA-256, 35223, true, localhost",
            "Prosody, PLAIN, 25222, false, localhost", "ejabberd, PLAIN, 35222, false, localhost",
            "Prosody, SCRAM-SHA-1, 25222, false, plain.localhost", "Prosody, SCRAM-SHA-256, 25222, false, plain.localhost",
            "ejabberd, SCRAM-SHA-1, 35222, false, plain.localhost", "ejabberd, SCRAM-SHA-256, 35223, true, plain.localhost",
            "ejabberd, SCRAM-SHA-512, 35222, false, plain.localhost"})
    void logsInBindsPingsAndExchangesAMessage(String peer, String mechanism, int port, boolean directTls, String domain) {
        InetSocketAddress address = Peers.require(peer, port);
        XmppClient alice = connect("alice@" + domain, mechanism, address, directTls);
        XmppClient bob = connect("bob@" + domain, mechanism, address, directTls);
        assertThat(alice.events().filter(SessionEvent.Authenticated.class::isInstance).blockFirst(Duration.ofSeconds(5)))
                .isEqualTo(new SessionEvent.Authenticated(mechanism, "alice"));
        assertThat(alice.jid().isFull()).isTrue();
        assertThat(alice.ping(Option.none()).block(Duration.ofSeconds(10))).isPositive();

        var received = bob.stanzas().filter(Message.class::isInstance).next().toFuture();
        alice.send(Message.chat(bob.jid(), "hello from Starling to " + peer)).block(Duration.ofSeconds(5));
        Message message = (Message) received.join();
        assertThat(message.body()).contains("hello from Starling to " + peer);
        assertThat(message.from()).contains(alice.jid());

        alice.close().block(Duration.ofSeconds(10));
        bob.close().block(Duration.ofSeconds(10));
    }

    private static XmppClient connect(String account, String mechanism, InetSocketAddress address, boolean directTls) {
        Jid jid = Jid.of(account);
        ClientConfig config = ClientConfig.of(jid, "secret-" + jid.local().get()).withMechanisms(List.of(mechanism))
                .withKeepalive(Option.none());
        var context = TrustPolicy.trustStore(Peers.CERTIFICATE).clientContext(Option.none()).get();
        return XmppClient.connect(ClientSettings.of(config, address).withDirectTls(directTls),
                Option.some(TlsSetups.client(context, jid.domain()))).block(Duration.ofSeconds(20));
    }
}
