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
 * the SCRAM variant each offers (SCRAM-SHA-1 on Prosody 0.12, SCRAM-SHA-256 on ejabberd as
 * configured; -PLUS only where a binding type is announced, XEP-0440), binds, pings, and exchanges
 * a message with a second account; direct TLS (XEP-0368) too.
 */
class ClientAgainstPeersTest {

    @ParameterizedTest(name = "{0} {1} direct TLS {3}")
    @CsvSource({"Prosody, SCRAM-SHA-1, 25222, false", "Prosody, SCRAM-SHA-1, 25223, true",
            "ejabberd, SCRAM-SHA-256, 35222, false", "ejabberd, SCRAM-SHA-256, 35223, true",
            "Prosody, PLAIN, 25222, false", "ejabberd, PLAIN, 35222, false"})
    void logsInBindsPingsAndExchangesAMessage(String peer, String mechanism, int port, boolean directTls) {
        InetSocketAddress address = Peers.require(peer, port);
        XmppClient alice = connect("alice", mechanism, address, directTls);
        XmppClient bob = connect("bob", mechanism, address, directTls);
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

    private static XmppClient connect(String user, String mechanism, InetSocketAddress address, boolean directTls) {
        ClientConfig config = ClientConfig.of(Jid.of(user + "@localhost"), "secret-" + user).withMechanisms(List.of(mechanism))
                .withKeepalive(Option.none());
        var context = TrustPolicy.trustStore(Peers.CERTIFICATE).clientContext(Option.none()).get();
        return XmppClient.connect(ClientSettings.of(config, address).withDirectTls(directTls),
                Option.some(TlsSetups.client(context, "localhost"))).block(Duration.ofSeconds(20));
    }
}
