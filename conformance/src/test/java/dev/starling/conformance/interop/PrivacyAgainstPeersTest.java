package dev.starling.conformance.interop;

import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.jid.Jid;
import dev.starling.model.privacy.PrivacyList;
import dev.starling.model.privacy.PrivacyQuery;
import dev.starling.model.privacy.PrivacyRule;
import dev.starling.model.stanza.Message;
import io.vavr.collection.Array;
import io.vavr.collection.LinkedHashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Starling client's privacy lists against ejabberd (mod_privacy; Prosody 0.12 has no
 * XEP-0016): alice writes a list that denies bob's messages and reads it back as written, makes
 * it her session's active list, bob's message does not reach her, and she declines and removes it.
 */
class PrivacyAgainstPeersTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final PrivacyList NO_BOB = new PrivacyList("starling-no-bob", Array.of(
            new PrivacyRule(Option.some(PrivacyRule.Type.JID), Option.some("bob@localhost"), PrivacyRule.Action.DENY, 1,
                    LinkedHashSet.of(PrivacyRule.Kind.MESSAGE)),
            new PrivacyRule(Option.none(), Option.none(), PrivacyRule.Action.ALLOW, 2, LinkedHashSet.empty())));

    @Test
    void aliceBlocksBobsMessagesOnEjabberd() throws Exception {
        InetSocketAddress address = Peers.require("ejabberd", 35222);
        XmppClient alice = connect("alice", address);
        XmppClient bob = connect("bob", address);
        assertThat(alice.discoInfo(Option.some(Jid.of("localhost"))).block(WAIT).features()).contains(PrivacyQuery.NAMESPACE);
        BlockingQueue<Message> toAlice = new LinkedBlockingQueue<>();
        alice.stanzas().ofType(Message.class).subscribe(toAlice::add);
        alice.available().block(WAIT);

        alice.privacy().put(NO_BOB).block(WAIT);
        assertThat(alice.privacy().names().block(WAIT).lists()).contains(NO_BOB.name());
        assertThat(alice.privacy().list(NO_BOB.name()).block(WAIT)).as("read back as written").isEqualTo(NO_BOB);
        alice.privacy().activate(Option.some(NO_BOB.name())).block(WAIT);
        assertThat(alice.privacy().names().block(WAIT).active()).contains(NO_BOB.name());

        bob.send(Message.chat(alice.jid(), "can you hear me now?")).block(WAIT);
        bob.ping(Option.none()).block(WAIT);
        assertThat(toAlice.poll(1, TimeUnit.SECONDS)).as("ejabberd applied the list").isNull();

        alice.privacy().activate(Option.none()).block(WAIT);
        alice.privacy().remove(NO_BOB.name()).block(WAIT);
        assertThat(alice.privacy().names().block(WAIT).lists()).doesNotContain(NO_BOB.name());
        alice.close().block(WAIT);
        bob.close().block(WAIT);
    }

    private static XmppClient connect(String user, InetSocketAddress address) {
        ClientConfig config = ClientConfig.of(Jid.of(user + "@localhost/privacy"), "secret-" + user).withKeepalive(Option.none());
        var context = TrustPolicy.trustStore(Peers.CERTIFICATE).clientContext(Option.none()).get();
        return XmppClient.connect(ClientSettings.of(config, address), Option.some(TlsSetups.client(context, "localhost")))
                .block(Duration.ofSeconds(20));
    }
}
