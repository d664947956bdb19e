package dev.starling.conformance.wire;

import dev.starling.io.client.XmppClient;
import dev.starling.io.session.SessionSettings;
import dev.starling.machine.sasl.SaslMechanismNames;
import dev.starling.machine.sasl.SaslServerPolicy;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.TlsPolicy;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's liveness pings over real sockets (XEP-0199 §4.1, RFC 6120 §4.6.1): after one
 * second of silence it pings the client; a Starling client answers and stays connected, a client
 * that never answers is closed with connection-timeout after the one-second ping timeout.
 */
class LivenessWireTest {

    private static WireFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new WireFixture(TlsPolicy.OPTIONAL, SessionSettings.defaults(), Duration.ofSeconds(10),
                new SaslServerPolicy(true, false, false, SaslMechanismNames.all()),
                config -> config.withLiveness(Duration.ofSeconds(1), Option.some(Duration.ofSeconds(1))));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void aClientThatAnswersThePingStaysConnected() throws Exception {
        XmppClient juliet = fixture.connect("juliet");
        var ended = juliet.events().filter(SessionEvent.Ended.class::isInstance).next().toFuture();
        Thread.sleep(3500); // three idle periods: three pings, three answers
        assertThat(ended).isNotDone();
        assertThat(juliet.ping(Option.none()).block(Duration.ofSeconds(5))).isPositive();
        juliet.close().block(Duration.ofSeconds(5));
    }

    @Test
    void aClientThatNeverAnswersIsClosedWithConnectionTimeout() throws Exception {
        try (RawConnection raw = new RawConnection(fixture.server.address())) {
            String plain = Base64.getEncoder().encodeToString(("\0romeo\0" + WireFixture.password("romeo")).getBytes(StandardCharsets.UTF_8));
            raw.send(RawConnection.HEADER).readUntil("</stream:features>", 5000);
            raw.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plain + "</auth>").readUntil("<success", 5000);
            raw.send(RawConnection.HEADER).readUntil("urn:ietf:params:xml:ns:xmpp-bind", 5000);
            String bound = raw.send("<iq type='set' id='b1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>").readUntil("</iq>", 5000);
            assertThat(bound).contains("<jid>romeo@localhost/");

            String answer = raw.readUntilClosed(6000);
            Matcher ping = Pattern.compile("<iq[^>]*type=\"get\"[^>]*><ping xmlns=\"urn:xmpp:ping\"/></iq>").matcher(answer);
            assertThat(ping.find()).as("the server pinged: " + answer).isTrue();
            assertThat(ping.group()).contains("from=\"localhost\"").contains("to=\"romeo@localhost/");
            assertThat(answer).contains("<connection-timeout xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>");
            assertThat(raw.closedByServer()).isTrue();
        }
    }
}
