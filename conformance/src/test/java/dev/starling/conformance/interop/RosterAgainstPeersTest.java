package dev.starling.conformance.interop;

import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.ItemSubscription;
import dev.starling.model.roster.RosterItem;
import io.vavr.collection.Array;
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
 * The Starling client's roster against real servers (RFC 6121 §2, §3): alice adds bob, asks to
 * subscribe, bob gets the request and approves, and alice's roster is pushed from "none + ask"
 * to "to"; then alice deletes bob and bob's server tells bob. Each run starts by deleting what an
 * earlier run may have left.
 */
class RosterAgainstPeersTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Jid ALICE = Jid.of("alice@localhost");
    private static final Jid BOB = Jid.of("bob@localhost");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Prosody, 25222", "ejabberd, 35222"})
    void aSubscriptionHandshakeWithTheStarlingClient(String peer, int port) throws Exception {
        InetSocketAddress address = Peers.require(peer, port);
        XmppClient alice = connect("alice", address);
        XmppClient bob = connect("bob", address);
        forget(alice, BOB);
        forget(bob, ALICE);
        BlockingQueue<RosterItem> alicePushes = new LinkedBlockingQueue<>();
        alice.roster().changes().subscribe(alicePushes::add);
        BlockingQueue<RosterItem> bobPushes = new LinkedBlockingQueue<>();
        bob.roster().changes().subscribe(bobPushes::add);
        BlockingQueue<Jid> requests = new LinkedBlockingQueue<>();
        bob.roster().subscriptionRequests().subscribe(requests::add);
        bob.available().block(WAIT);

        alice.roster().put(BOB, Option.some("Bob"), Array.of("Interop")).block(WAIT);
        RosterItem added = next(alicePushes, BOB);
        assertThat(added.name()).contains("Bob");
        assertThat(added.groups()).containsExactly("Interop");

        alice.roster().subscribe(BOB).block(WAIT);
        assertThat(next(alicePushes, BOB).ask()).as("pending out").isTrue();
        assertThat(requests.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as(peer + " delivered the request").isEqualTo(ALICE);

        bob.roster().approve(ALICE).block(WAIT);
        assertThat(nextWith(alicePushes, BOB, ItemSubscription.TO)).isNotNull();
        assertThat(nextWith(bobPushes, ALICE, ItemSubscription.FROM)).isNotNull();
        assertThat(alice.roster().load().block(WAIT)).anySatisfy(item -> {
            assertThat(item.jid()).isEqualTo(BOB);
            assertThat(item.effectiveSubscription()).isEqualTo(ItemSubscription.TO);
        });

        alice.roster().remove(BOB).block(WAIT);
        assertThat(nextWith(alicePushes, BOB, ItemSubscription.REMOVE)).isNotNull();
        assertThat(nextWith(bobPushes, ALICE, ItemSubscription.NONE)).as(peer + " cancelled bob's side").isNotNull();

        forget(bob, ALICE);
        alice.close().block(WAIT);
        bob.close().block(WAIT);
    }

    /** Removes the contact if an earlier run left it. */
    private static void forget(XmppClient client, Jid contact) {
        if (client.roster().load().block(WAIT).exists(item -> item.jid().equals(contact))) {
            client.roster().remove(contact).block(WAIT);
        }
    }

    private static RosterItem next(BlockingQueue<RosterItem> pushes, Jid contact) throws InterruptedException {
        RosterItem item;
        do {
            item = pushes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(item).as("a roster push for " + contact).isNotNull();
        } while (!item.jid().equals(contact));
        return item;
    }

    private static RosterItem nextWith(BlockingQueue<RosterItem> pushes, Jid contact, ItemSubscription subscription)
            throws InterruptedException {
        RosterItem item;
        do {
            item = next(pushes, contact);
        } while (item.effectiveSubscription() != subscription);
        return item;
    }

    private static XmppClient connect(String user, InetSocketAddress address) {
        ClientConfig config = ClientConfig.of(Jid.of(user + "@localhost/roster"), "secret-" + user).withKeepalive(Option.none());
        var context = TrustPolicy.trustStore(Peers.CERTIFICATE).clientContext(Option.none()).get();
        return XmppClient.connect(ClientSettings.of(config, address), Option.some(TlsSetups.client(context, "localhost")))
                .block(Duration.ofSeconds(20));
    }
}
