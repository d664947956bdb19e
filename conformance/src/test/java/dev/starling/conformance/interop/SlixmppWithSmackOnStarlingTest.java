package dev.starling.conformance.interop;

import dev.starling.conformance.wire.WireAccess;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.SubscribeListener;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.starling.conformance.interop.SlixmppImAgainstStarlingTest.WAIT;
import static dev.starling.conformance.interop.SlixmppImAgainstStarlingTest.awaitLine;
import static dev.starling.conformance.interop.SlixmppImAgainstStarlingTest.slixmpp;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real clients of different implementations on the Starling server, with no Starling client
 * between them: slixmpp as Juliet (interop/slixmpp/im_flows.py) and Smack 4.4.8 as Romeo. Juliet
 * subscribes; Smack approves and asks back ({@code ApproveAndAlsoRequestIfRequired}) and slixmpp
 * approves, so both rosters reach "both" (RFC 6121 §3); each sees the other's presence (§4.2);
 * slixmpp's message reaches Smack; slixmpp does vCard, private XML and blocking; then, with Juliet
 * offline, Smack's message waits and reaches a new slixmpp session with its XEP-0203 delay.
 */
class SlixmppWithSmackOnStarlingTest {

    @Test
    void slixmppAndSmackGoThroughTheImFlowsWithEachOther() throws Exception {
        Peers.requireSlixmpp();
        try (WireAccess starling = WireAccess.startWithoutChannelBinding()) { // slixmpp and -PLUS: see SlixmppAgainstStarlingTest
            Path ca = Files.createTempFile("starling-ca", ".pem");
            Files.writeString(ca, starling.certificatePem());
            EntityBareJid juliet = JidCreate.entityBareFrom("juliet@localhost");
            XMPPTCPConnection romeo = SmackAgainstStarlingTest.connection(starling, "romeo", "SCRAM-SHA-1");
            Roster roster = SmackImAgainstStarlingTest.approvingRoster(romeo, SubscribeListener.SubscribeAnswer.ApproveAndAlsoRequestIfRequired);
            BlockingQueue<Message> toRomeo = SmackImAgainstStarlingTest.chats(romeo);
            BlockingQueue<Presence> julietsPresence = new LinkedBlockingQueue<>();
            romeo.addAsyncStanzaListener(stanza -> julietsPresence.add((Presence) stanza),
                    new AndFilter(StanzaTypeFilter.PRESENCE, stanza -> stanza.getFrom() != null && stanza.getFrom().asBareJid().equals(juliet)
                            && (((Presence) stanza).isAvailable() || ((Presence) stanza).getType() == Presence.Type.unavailable)));
            romeo.connect().login();
            try {
                BlockingQueue<String> lines = new LinkedBlockingQueue<>();
                Process flows = slixmpp("flows", starling, ca, "romeo@localhost", lines);
                try {
                    assertThat(awaitLine(lines, "SUBSCRIBED")).as("Smack approved slixmpp's request").matches("SUBSCRIBED (to|both)");
                    assertThat(awaitLine(lines, "BOTH")).as("slixmpp approved Smack's request back").isNotNull();
                    assertThat(awaitLine(lines, "PRESENCE")).isEqualTo("PRESENCE romeo@localhost/smack");
                    assertThat(toRomeo.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("slixmpp's message to Smack").isNotNull()
                            .extracting(Message::getBody).isEqualTo("from slixmpp");
                    assertThat(flows.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                    String output = String.join("\n", lines);
                    assertThat(output).contains("VCARD Juliet Capulet").contains("PRIVATE dark").contains("BLOCKED tybalt@localhost").contains("UNBLOCKED");
                    assertThat(flows.exitValue()).as(output).isZero();
                } finally {
                    flows.destroyForcibly();
                }
                assertThat(roster.getEntry(juliet).getType()).isEqualTo(RosterPacket.ItemType.both);
                Presence seen = julietsPresence.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(seen).as("Juliet's presence reached Smack").isNotNull();
                assertThat(seen.isAvailable()).isTrue();
                Presence gone;
                do {
                    gone = julietsPresence.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                    assertThat(gone).as("Juliet's unavailable presence once slixmpp has left").isNotNull();
                } while (gone.isAvailable());

                romeo.sendStanza(StanzaBuilder.buildMessage().to(juliet).ofType(Message.Type.chat).setBody("kept for slixmpp").build());
                assertThat(PingManager.getInstanceFor(romeo).pingMyServer()).isTrue(); // the message was handled before Juliet returns
                BlockingQueue<String> later = new LinkedBlockingQueue<>();
                Process offline = slixmpp("offline", starling, ca, "romeo@localhost", later);
                try {
                    assertThat(awaitLine(later, "OFFLINE")).startsWith("OFFLINE kept for slixmpp DELAY 20");
                    assertThat(offline.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                    assertThat(offline.exitValue()).isZero();
                } finally {
                    offline.destroyForcibly();
                }
            } finally {
                romeo.disconnect();
            }
        }
    }
}
