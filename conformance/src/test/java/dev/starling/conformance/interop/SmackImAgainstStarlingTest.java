package dev.starling.conformance.interop;

import dev.starling.conformance.wire.WireAccess;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.jivesoftware.smackx.delay.DelayInformationManager;
import org.jivesoftware.smackx.iqprivate.PrivateDataManager;
import org.jivesoftware.smackx.iqprivate.packet.DefaultPrivateData;
import org.jivesoftware.smackx.iqprivate.packet.PrivateData;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Smack 4.4.8 accounts, Juliet and Romeo, through the Starling server, over the IM flows of
 * RFC 6121 and the everyday XEPs, each flow in both directions: the subscription handshake to
 * "both" (RFC 6121 §3, Smack's {@code ApproveAndAlsoRequestIfRequired}), presence with show and
 * status each way (§4.2, §4.4), chat messages each way (§5), a message to each while offline
 * delivered on the next login with its XEP-0203 delay, each one's vCard read by the other
 * (XEP-0054), private XML kept per account (XEP-0049), and XEP-0191 blocking: the blocked contact
 * sees the blocker go unavailable, a message to a blocked JID is refused with not-acceptable, and
 * unblocking restores the presence.
 */
class SmackImAgainstStarlingTest {

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
    void twoSmackAccountsGoThroughTheImFlowsBothWays() throws Exception {
        EntityBareJid julietJid = JidCreate.entityBareFrom("juliet@localhost");
        EntityBareJid romeoJid = JidCreate.entityBareFrom("romeo@localhost");
        XMPPTCPConnection juliet = connection("juliet");
        XMPPTCPConnection romeo = connection("romeo");
        try {
            Roster julietRoster = approvingRoster(juliet, SubscribeListener.SubscribeAnswer.Approve);
            Roster romeoRoster = approvingRoster(romeo, SubscribeListener.SubscribeAnswer.ApproveAndAlsoRequestIfRequired);
            BlockingQueue<Message> toJuliet = chats(juliet);
            BlockingQueue<Message> toRomeo = chats(romeo);
            juliet.connect().login();
            romeo.connect().login();

            julietRoster.createItemAndRequestSubscription(romeoJid, "Romeo", new String[]{"Montagues"});
            awaitBoth(julietRoster, romeoJid);
            awaitBoth(romeoRoster, julietJid);
            assertThat(julietRoster.getEntry(romeoJid).getGroups()).extracting(g -> g.getName()).containsExactly("Montagues");

            juliet.sendStanza(StanzaBuilder.buildPresence().setMode(Presence.Mode.away).setStatus("at the window").build());
            romeo.sendStanza(StanzaBuilder.buildPresence().setMode(Presence.Mode.dnd).setStatus("in Mantua").build());
            await("Romeo sees Juliet away", () -> showing(romeoRoster.getPresence(julietJid), Presence.Mode.away, "at the window"));
            await("Juliet sees Romeo busy", () -> showing(julietRoster.getPresence(romeoJid), Presence.Mode.dnd, "in Mantua"));

            juliet.sendStanza(chat(romeoJid, "wherefore art thou"));
            assertThat(next(toRomeo).getBody()).isEqualTo("wherefore art thou");
            romeo.sendStanza(chat(julietJid, "by a name I know not"));
            assertThat(next(toJuliet).getBody()).isEqualTo("by a name I know not");

            vcardReadByTheOther(juliet, romeo, julietJid, "Juliet Capulet");
            vcardReadByTheOther(romeo, juliet, romeoJid, "Romeo Montague");

            PrivateDataManager.getInstanceFor(juliet).setPrivateData(prefs("dark"));
            PrivateDataManager.getInstanceFor(romeo).setPrivateData(prefs("light"));
            assertThat(storedPrefs(juliet)).as("Juliet's private XML").isEqualTo("dark");
            assertThat(storedPrefs(romeo)).as("Romeo's private XML, kept apart from Juliet's").isEqualTo("light");

            BlockingCommandManager blocking = BlockingCommandManager.getInstanceFor(juliet);
            assertThat(blocking.isSupportedByServer()).isTrue();
            blocking.blockContacts(List.of(romeoJid));
            await("Smack's blocklist, updated by the push that follows the result", () -> blocking.getBlockList().equals(List.of(romeoJid)));
            await("Romeo sees Juliet go unavailable when she blocks him", () -> !romeoRoster.getPresence(julietJid).isAvailable());
            Message refused = StanzaBuilder.buildMessage("to-blocked").to(romeoJid).ofType(Message.Type.chat).setBody("never sent").build();
            try (StanzaCollector collector = juliet.createStanzaCollectorAndSend(new StanzaIdFilter("to-blocked"), refused)) {
                Message error = collector.nextResult(WAIT.toMillis());
                assertThat(error).as("the server's refusal").isNotNull();
                assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
            }
            blocking.unblockContacts(List.of(romeoJid));
            await("an empty blocklist after the unblock push", () -> blocking.getBlockList().isEmpty());
            await("Romeo sees Juliet again once unblocked", () -> showing(romeoRoster.getPresence(julietJid), Presence.Mode.away, "at the window"));

            romeo = offlineMessageArrivesDelayed(romeo, juliet, romeoJid, "romeo", "meet me at the tomb");
            juliet = offlineMessageArrivesDelayed(juliet, romeo, julietJid, "juliet", "I will");
        } finally {
            juliet.disconnect();
            romeo.disconnect();
        }
    }

    /** The recipient logs off, the sender writes, and a new login of the recipient gets the message with its delay (RFC 6121 §8.5.2.2.1, XEP-0160). */
    private static XMPPTCPConnection offlineMessageArrivesDelayed(XMPPTCPConnection recipient, XMPPTCPConnection sender, EntityBareJid to,
                                                                 String user, String body) throws Exception {
        recipient.disconnect();
        await(user + "'s presence gone", () -> !Roster.getInstanceFor(sender).getPresence(to).isAvailable());
        sender.sendStanza(chat(to, body));
        assertThat(org.jivesoftware.smackx.ping.PingManager.getInstanceFor(sender).pingMyServer()).isTrue(); // the message was handled
        XMPPTCPConnection again = connection(user);
        BlockingQueue<Message> arrived = chats(again);
        again.connect().login();
        Message delivered = next(arrived);
        assertThat(delivered.getBody()).isEqualTo(body);
        assertThat(DelayInformationManager.getXep203DelayInformation(delivered)).as("an XEP-0203 delay on the stored message").isNotNull();
        assertThat(DelayInformationManager.getDelayTimestamp(delivered)).isBeforeOrEqualTo(new java.util.Date());
        return again;
    }

    private static void vcardReadByTheOther(XMPPTCPConnection owner, XMPPTCPConnection reader, EntityBareJid ownerJid, String name) throws Exception {
        VCard card = new VCard();
        card.setFirstName(name.split(" ")[0]);
        card.setLastName(name.split(" ")[1]);
        card.setField("FN", name);
        VCardManager.getInstanceFor(owner).saveVCard(card);
        VCard read = VCardManager.getInstanceFor(reader).loadVCard(ownerJid);
        assertThat(read.getField("FN")).isEqualTo(name);
        assertThat(read.getLastName()).isEqualTo(name.split(" ")[1]);
    }

    private static DefaultPrivateData prefs(String theme) {
        DefaultPrivateData data = new DefaultPrivateData("prefs", "urn:starling:smack");
        data.setValue("theme", theme);
        return data;
    }

    private static String storedPrefs(XMPPTCPConnection connection) throws Exception {
        PrivateData data = PrivateDataManager.getInstanceFor(connection).getPrivateData("prefs", "urn:starling:smack");
        return ((DefaultPrivateData) data).getValue("theme");
    }

    static Roster approvingRoster(XMPPTCPConnection connection, SubscribeListener.SubscribeAnswer answer) {
        Roster roster = Roster.getInstanceFor(connection);
        roster.setSubscriptionMode(Roster.SubscriptionMode.manual);
        roster.addSubscribeListener((from, request) -> answer);
        return roster;
    }

    static BlockingQueue<Message> chats(XMPPTCPConnection connection) {
        BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        connection.addAsyncStanzaListener(stanza -> messages.add((Message) stanza), MessageTypeFilter.CHAT);
        return messages;
    }

    private static Message chat(Jid to, String body) {
        return StanzaBuilder.buildMessage().to(to).ofType(Message.Type.chat).setBody(body).build();
    }

    private static Message next(BlockingQueue<Message> messages) throws InterruptedException {
        Message message = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(message).as("a chat message").isNotNull();
        return message;
    }

    private static boolean showing(Presence presence, Presence.Mode mode, String status) {
        return presence.isAvailable() && presence.getMode() == mode && status.equals(presence.getStatus());
    }

    private static void awaitBoth(Roster roster, EntityBareJid contact) throws Exception {
        await("a 'both' roster entry for " + contact, () -> {
            RosterEntry entry = roster.getEntry(contact);
            return entry != null && entry.getType() == RosterPacket.ItemType.both && !entry.isSubscriptionPending();
        });
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static XMPPTCPConnection connection(String user) {
        return SmackAgainstStarlingTest.connection(starling, user, "SCRAM-SHA-1");
    }
}
