package dev.starling.conformance.interop;

import dev.starling.conformance.wire.WireAccess;
import dev.starling.io.client.XmppClient;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * slixmpp (Debian's python3-slixmpp, run with /usr/bin/python3 against a pinned endpoint) logs
 * into the Starling server with STARTTLS and SCRAM-SHA-1 or SCRAM-SHA-256, and exchanges messages
 * with a Starling client.
 */
class SlixmppAgainstStarlingTest {

    @ParameterizedTest
    @ValueSource(strings = {"SCRAM-SHA-1", "SCRAM-SHA-256"})
    void slixmppLogsInAndChats(String mechanism) throws Exception {
        Peers.requireSlixmpp();
        // slixmpp 1.8 binds with tls-unique, which RFC 9266 leaves undefined on TLS 1.3, and sends the GS2 flag
        // 'y' when the server offers -PLUS mechanisms it does not pick, which RFC 5802 treats as a downgrade: it
        // can only log in to a server that does not offer channel binding, a valid deployment of Starling.
        try (WireAccess starling = WireAccess.startWithoutChannelBinding()) {
            Path ca = Files.createTempFile("starling-ca", ".pem");
            Files.writeString(ca, starling.certificatePem());
            XmppClient romeo = starling.connect("romeo");
            var fromSlixmpp = romeo.stanzas().filter(Message.class::isInstance).next().toFuture();
            Process slixmpp = new ProcessBuilder("/usr/bin/python3", Peers.script("login_and_chat.py").toString(), "127.0.0.1", String.valueOf(starling.port()),
                    "juliet@localhost/slixmpp", starling.password("juliet"), romeo.jid().toString(), ca.toString(), mechanism)
                    .redirectErrorStream(true).start();
            try {
                Message message = (Message) fromSlixmpp.get(30, TimeUnit.SECONDS);
                assertThat(message.body()).contains("from slixmpp");
                assertThat(message.from()).contains(Jid.of("juliet@localhost/slixmpp"));
                romeo.send(Message.chat(Jid.of("juliet@localhost/slixmpp"), "from Starling")).block(Duration.ofSeconds(5));
                assertThat(slixmpp.waitFor(30, TimeUnit.SECONDS)).isTrue();
                String output = new String(slixmpp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(output).contains("MECHANISM " + mechanism).contains("BOUND juliet@localhost/slixmpp").contains("RECEIVED from Starling");
                assertThat(slixmpp.exitValue()).as(output).isZero();
            } finally {
                slixmpp.destroyForcibly();
                romeo.close().block(Duration.ofSeconds(5));
            }
        }
    }
}
