package dev.starling.conformance.interop;

import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.blocking.BlockingCommand;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.MessageType;
import io.vavr.control.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Starling client's blocking command against real servers (XEP-0191): alice reads her
 * blocklist, blocks bob and gets the push, her message to bob is refused by her server, bob's
 * to her never reaches her (ejabberd answers him with an error, Prosody 0.12 drops it silently;
 * XEP-0191 §3.3 only says SHOULD), and unblocking everyone empties the list.
 */
class BlockingAgainstPeersTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Jid BOB = Jid.of("bob@localhost");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Prosody, 25222", "ejabberd, 35222"})
    void blockAndUnblockWithTheStarlingClient(String peer, int port) throws Exception {
        InetSocketAddress address = Peers.require(peer, port);
        XmppClient alice = connect("alice", address);
        XmppClient bob = connect("bob", address);
        alice.blocking().unblock().block(WAIT); // whatever an earlier run left
        assertThat(alice.blocking().load().block(WAIT)).isEmpty();
        BlockingQueue<BlockingCommand> pushes = new LinkedBlockingQueue<>();
        alice.blocking().changes().subscribe(pushes::add);
        BlockingQueue<Message> aliceMessages = new LinkedBlockingQueue<>();
        alice.stanzas().ofType(Message.class).subscribe(aliceMessages::add);
        BlockingQueue<Message> bobMessages = new LinkedBlockingQueue<>();
        bob.stanzas().ofType(Message.class).subscribe(bobMessages::add);

        alice.blocking().block(BOB).block(WAIT);
        BlockingCommand pushed = pushes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(pushed).as(peer + " pushed the block").isInstanceOf(BlockingCommand.Block.class);
        assertThat(alice.blocking().load().block(WAIT)).containsExactly(BOB);

        alice.send(Message.chat(bob.jid(), "are you there?")).block(WAIT);
        Message refused = aliceMessages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(refused).as(peer + " refused the message").isNotNull();
        assertThat(refused.effectiveType()).isEqualTo(MessageType.ERROR);
        assertThat(refused.error().map(e -> e.condition().wireName())).contains("not-acceptable");

        bob.send(Message.chat(alice.jid(), "let me in")).block(WAIT);
        Message bounced = bobMessages.poll(2, TimeUnit.SECONDS);
        if (bounced != null) { // XEP-0191 §3.3: an error SHOULD come back (ejabberd); Prosody 0.12 drops the message silently
            assertThat(bounced.effectiveType()).isEqualTo(MessageType.ERROR);
        }
        assertThat(aliceMessages.stream().filter(m -> m.body().contains("let me in"))).as("nothing from bob reaches alice").isEmpty();

        alice.blocking().unblock().block(WAIT);
        assertThat(alice.blocking().load().block(WAIT)).isEmpty();
        alice.close().block(WAIT);
        bob.close().block(WAIT);
    }

    private static XmppClient connect(String user, InetSocketAddress address) {
        ClientConfig config = ClientConfig.of(Jid.of(user + "@localhost/blocking"), "secret-" + user).withKeepalive(Option.none());
        var context = TrustPolicy.trustStore(Peers.CERTIFICATE).clientContext(Option.none()).get();
        return XmppClient.connect(ClientSettings.of(config, address), Option.some(TlsSetups.client(context, "localhost")))
                .block(Duration.ofSeconds(20));
    }
}
