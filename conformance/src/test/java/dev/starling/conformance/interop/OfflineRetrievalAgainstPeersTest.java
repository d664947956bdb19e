package dev.starling.conformance.interop;

import dev.starling.io.client.ClientOffline;
import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.jid.Jid;
import dev.starling.model.offline.OfflineRetrieval;
import dev.starling.model.stanza.Message;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Starling client's XEP-0013 retrieval against ejabberd (mod_offline; Prosody 0.12 has no
 * XEP-0013): bob, connected but not available, empties his queue; alice writes him twice; bob
 * counts, reads the headers, goes online (no flood follows), views the first, removes it,
 * fetches the other (ejabberd routes fetched messages after its result, to available resources
 * only) and purges.
 */
class OfflineRetrievalAgainstPeersTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void bobReadsHisOfflineMessagesFromEjabberd() throws Exception {
        InetSocketAddress address = Peers.require("ejabberd", 35222);
        XmppClient bob = connect("bob", address);
        assertThat(bob.discoInfo(Option.some(Jid.of("localhost"))).block(WAIT).features()).contains(OfflineRetrieval.NAMESPACE);
        bob.offline().purge().block(WAIT); // whatever an earlier run left
        XmppClient alice = connect("alice", address);
        alice.send(Message.chat(Jid.of("bob@localhost"), "first, kept by ejabberd")).block(WAIT);
        alice.send(Message.chat(Jid.of("bob@localhost"), "second, kept by ejabberd")).block(WAIT);
        alice.ping(Option.none()).block(WAIT);

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bob.offline().count().block(WAIT) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Seq<ClientOffline.Header> headers = bob.offline().headers().block(WAIT);
        assertThat(headers).hasSize(2);
        assertThat(headers.map(ClientOffline.Header::from)).allMatch(from -> from.exists(jid -> jid.bare().equals(Jid.of("alice@localhost"))));

        bob.available().block(WAIT);
        Seq<Message> viewed = bob.offline().view(Array.of(headers.head().node())).block(WAIT);
        assertThat(viewed.map(Message::body)).containsExactly(Option.some("first, kept by ejabberd"));
        bob.offline().remove(Array.of(headers.head().node())).block(WAIT);
        assertThat(bob.offline().fetch().block(WAIT).map(Message::body)).containsExactly(Option.some("second, kept by ejabberd"));
        bob.offline().purge().block(WAIT);
        assertThat(bob.offline().count().block(WAIT)).isZero();
        alice.close().block(WAIT);
        bob.close().block(WAIT);
    }

    private static XmppClient connect(String user, InetSocketAddress address) {
        ClientConfig config = ClientConfig.of(Jid.of(user + "@localhost/offline"), "secret-" + user).withKeepalive(Option.none());
        var context = TrustPolicy.trustStore(Peers.CERTIFICATE).clientContext(Option.none()).get();
        return XmppClient.connect(ClientSettings.of(config, address), Option.some(TlsSetups.client(context, "localhost")))
                .block(Duration.ofSeconds(20));
    }
}
