package dev.starling.conformance.wire;

import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.session.SessionEvent;
import dev.starling.model.stanza.Message;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starling client against Starling server over loopback with TLS, for every SASL mechanism,
 * with STARTTLS (RFC 6120 §5) and with direct TLS (XEP-0368), channel binding included.
 */
class TlsWireTest {

    private static WireFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new WireFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCRAM-SHA-1", "SCRAM-SHA-256", "SCRAM-SHA-512", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256-PLUS",
            "SCRAM-SHA-512-PLUS", "PLAIN"})
    void everyMechanismOverStartTls(String mechanism) {
        XmppClient client = fixture.connect(fixture.config("juliet").withMechanisms(List.of(mechanism)), false);
        assertThat(client.events().filter(SessionEvent.Authenticated.class::isInstance).blockFirst(Duration.ofSeconds(5)))
                .isEqualTo(new SessionEvent.Authenticated(mechanism, "juliet"));
        assertThat(client.ping(Option.none()).block(Duration.ofSeconds(5))).isPositive();
        client.close().block(Duration.ofSeconds(5));
    }

    @Test
    void tlsExporterBindingIsUsedByDefault() {
        XmppClient client = fixture.connect("juliet");
        SessionEvent.TlsSecured secured = (SessionEvent.TlsSecured) client.events()
                .filter(SessionEvent.TlsSecured.class::isInstance).blockFirst(Duration.ofSeconds(5));
        assertThat(secured.channelBindingTypes()).contains("tls-exporter", "tls-server-end-point");
        assertThat(client.events().filter(SessionEvent.Authenticated.class::isInstance).blockFirst(Duration.ofSeconds(5)))
                .isEqualTo(new SessionEvent.Authenticated("SCRAM-SHA-512-PLUS", "juliet"));
        client.close().block(Duration.ofSeconds(5));
    }

    @Test
    void directTlsLogsInAndExchangesMessages() {
        XmppClient juliet = fixture.connect(fixture.config("juliet"), true);
        XmppClient romeo = fixture.connect(fixture.config("romeo"), true);
        var received = romeo.stanzas().filter(Message.class::isInstance).next().toFuture();
        juliet.send(Message.chat(romeo.jid(), "over direct TLS")).block(Duration.ofSeconds(5));
        assertThat(((Message) received.join()).body()).contains("over direct TLS");
        juliet.close().block(Duration.ofSeconds(5));
        romeo.close().block(Duration.ofSeconds(5));
    }

    @Test
    void aServerCertificateForAnotherDomainIsRefused() {
        var wrongTrust = TlsSetups.client(TrustPolicy.pinned(io.vavr.collection.Array.of(
                TrustPolicy.pinOf(fixture.certificate.certificate()))).clientContext(Option.none()).get(), "example.org");
        String outcome = XmppClient.connect(ClientSettings.of(fixture.config("juliet"), fixture.server.address()), Option.some(wrongTrust))
                .map(c -> "connected").onErrorResume(e -> Mono.just(e.getMessage())).block(Duration.ofSeconds(15));
        assertThat(outcome).contains("TLS failed");
    }
}
