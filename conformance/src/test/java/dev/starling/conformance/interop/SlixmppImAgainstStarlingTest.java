package dev.starling.conformance.interop;

import dev.starling.conformance.wire.WireAccess;
import dev.starling.io.client.XmppClient;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.RosterItem;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * slixmpp (Debian's python3-slixmpp) as Juliet against the Starling server, with a Starling client
 * as Romeo, for the IM flows of RFC 6121 and the everyday XEPs (interop/slixmpp/im_flows.py):
 * roster get and set with its push, the subscription handshake both ways (Romeo pre-approves
 * Juliet; Juliet's slixmpp approves Romeo's request itself), presence both ways, a message from her, her vCard and
 * private XML, blocking; then, with Juliet offline, Romeo's message waits and reaches a new
 * slixmpp session with its XEP-0203 delay.
 */
class SlixmppImAgainstStarlingTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Jid JULIET = Jid.of("juliet@localhost");

    @Test
    void slixmppAndAStarlingClientGoThroughTheImFlows() throws Exception {
        Peers.requireSlixmpp();
        try (WireAccess starling = WireAccess.startWithoutChannelBinding()) { // see SlixmppAgainstStarlingTest on channel binding
            Path ca = Files.createTempFile("starling-ca", ".pem");
            Files.writeString(ca, starling.certificatePem());
            XmppClient romeo = starling.connect("romeo");
            romeo.roster().load().block(WAIT);
            BlockingQueue<Presence> toRomeo = new LinkedBlockingQueue<>();
            romeo.stanzas().ofType(Presence.class).filter(p -> p.from().exists(f -> f.bare().equals(JULIET))).subscribe(toRomeo::add);
            romeo.roster().approve(JULIET).block(WAIT); // RFC 6121 §3.4 pre-approval
            romeo.available().block(WAIT);

            BlockingQueue<Message> chats = new LinkedBlockingQueue<>();
            romeo.messages().subscribe(chats::add);
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Process flows = slixmpp("flows", starling, ca, romeo.jid().bare().toString(), lines);
            try {
                assertThat(awaitLine(lines, "SUBSCRIBED")).as("slixmpp's subscription was pre-approved").endsWith("to");
                romeo.roster().subscribe(JULIET).block(WAIT);
                assertThat(awaitLine(lines, "BOTH")).isNotNull();
                assertThat(flows.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                String output = String.join("\n", lines);
                assertThat(output).contains("ROSTER SET Montagues").contains("PRESENCE " + romeo.jid()).contains("VCARD Juliet Capulet")
                        .contains("PRIVATE dark").contains("BLOCKED tybalt@localhost").contains("UNBLOCKED");
                assertThat(flows.exitValue()).as(output).isZero();
            } finally {
                flows.destroyForcibly();
            }
            RosterItem juliet = romeo.roster().snapshot().get(JULIET).get();
            assertThat(juliet.effectiveSubscription().wireName()).isEqualTo("both");
            assertThat(toRomeo.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("Juliet's presence reached Romeo").isNotNull();
            assertThat(chats.poll(WAIT.toSeconds(), TimeUnit.SECONDS).body()).as("slixmpp's message to Romeo").contains("from slixmpp");

            romeo.send(Message.chat(JULIET, "kept while you slept")).block(WAIT);
            romeo.ping(io.vavr.control.Option.none()).block(WAIT);
            BlockingQueue<String> later = new LinkedBlockingQueue<>();
            Process offline = slixmpp("offline", starling, ca, romeo.jid().bare().toString(), later);
            try {
                assertThat(awaitLine(later, "OFFLINE")).startsWith("OFFLINE kept while you slept DELAY 20");
                assertThat(offline.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                assertThat(offline.exitValue()).isZero();
            } finally {
                offline.destroyForcibly();
                romeo.close().block(WAIT);
            }
        }
    }

    /** Runs interop/slixmpp/im_flows.py as Juliet in this mode, with this bare JID as her contact, its lines going to {@code lines}. */
    static Process slixmpp(String mode, WireAccess starling, Path ca, String contact, BlockingQueue<String> lines) throws Exception {
        Process process = new ProcessBuilder(List.of("/usr/bin/python3", Peers.script("im_flows.py").toString(), mode, "127.0.0.1",
                String.valueOf(starling.port()), "juliet@localhost/slixmpp", starling.password("juliet"), contact,
                ca.toString(), "SCRAM-SHA-1")).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .lines().forEach(lines::add), "slixmpp-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    /** The first line starting with this prefix, waiting up to 30 s; the line stays in the queue for the transcript. */
    static String awaitLine(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        while (System.nanoTime() < deadline) {
            String line = lines.poll(250, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                lines.add(line); // keep it for the final transcript
                return line;
            }
            if (line != null) {
                lines.add(line);
            }
        }
        throw new AssertionError("slixmpp never printed " + prefix + ": " + lines);
    }
}
