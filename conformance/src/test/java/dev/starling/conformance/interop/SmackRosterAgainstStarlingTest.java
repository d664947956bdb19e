package dev.starling.conformance.interop;

import dev.starling.conformance.wire.WireAccess;
import dev.starling.io.client.XmppClient;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.ItemSubscription;
import dev.starling.model.roster.RosterItem;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smack 4.4.8's roster against the Starling server, with a Starling client as the contact (RFC
 * 6121 §2, §3): Smack loads its roster, adds the contact and asks to subscribe through {@code Roster.createItemAndRequestSubscription}; the Starling client gets the
 * request and approves; Smack's roster shows the entry as "to", and its deletion reaches the
 * contact's roster.
 */
class SmackRosterAgainstStarlingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static WireAccess starling;

    @BeforeAll
    static void start() {
        starling = WireAccess.start();
    }

    @AfterAll
    static void stop() {
        starling.close();
    }

    @Test
    void smacksRosterFollowsTheSubscriptionHandshake() throws Exception {
        XmppClient romeo = starling.connect("romeo");
        romeo.roster().load().block(WAIT);
        BlockingQueue<Jid> requests = new LinkedBlockingQueue<>();
        romeo.roster().subscriptionRequests().subscribe(requests::add);
        BlockingQueue<RosterItem> romeoPushes = new LinkedBlockingQueue<>();
        romeo.roster().changes().subscribe(romeoPushes::add);
        romeo.available().block(WAIT);

        XMPPTCPConnection smack = SmackAgainstStarlingTest.connection(starling, "juliet", "SCRAM-SHA-1");
        try {
            smack.connect().login();
            Roster roster = Roster.getInstanceFor(smack);
            assertThat(roster.isLoaded() || waitLoaded(roster)).as("Smack loaded its roster from Starling").isTrue();
            assertThat(roster.getEntries()).isEmpty();

            BareJid romeoJid = JidCreate.bareFrom("romeo@localhost");
            roster.createItemAndRequestSubscription(romeoJid, "Romeo", new String[]{"Montagues"});
            assertThat(requests.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(Jid.of("juliet@localhost"));
            RosterEntry pending = waitFor(roster, romeoJid, entry -> entry.isSubscriptionPending());
            assertThat(pending.getName()).isEqualTo("Romeo");
            assertThat(pending.getGroups()).extracting(group -> group.getName()).containsExactly("Montagues");

            romeo.roster().approve(Jid.of("juliet@localhost")).block(WAIT);
            RosterEntry approved = waitFor(roster, romeoJid, entry -> entry.getType() == RosterPacket.ItemType.to);
            assertThat(approved.isSubscriptionPending()).isFalse();

            roster.removeEntry(approved);
            RosterItem gone;
            do {
                gone = romeoPushes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(gone).as("a push to Romeo").isNotNull();
            } while (gone.effectiveSubscription() != ItemSubscription.NONE);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (roster.getEntry(romeoJid) != null && System.nanoTime() < deadline) {
                Thread.sleep(20); // Smack's own removal push may come after Romeo's
            }
            assertThat(roster.getEntry(romeoJid)).as("Smack's roster dropped the entry").isNull();
        } finally {
            smack.disconnect();
            romeo.close().block(WAIT);
        }
    }

    private static boolean waitLoaded(Roster roster) throws Exception {
        roster.reloadAndWait();
        return roster.isLoaded();
    }

    private static RosterEntry waitFor(Roster roster, BareJid jid, java.util.function.Predicate<RosterEntry> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            RosterEntry entry = roster.getEntry(jid);
            if (entry != null && condition.test(entry)) {
                return entry;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Smack's roster never showed the expected entry for " + jid + ": " + roster.getEntry(jid));
    }
}
