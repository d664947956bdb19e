package dev.starling.conformance.wire;

import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.session.SessionSettings;
import dev.starling.machine.account.RegistrationPolicy;
import dev.starling.machine.sasl.SaslMechanismNames;
import dev.starling.machine.sasl.SaslServerPolicy;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts over real sockets and TLS: a Starling client registers in-band (XEP-0077 §3.1, with
 * the server asking for an email through a form), logs in, changes its password (§3.3) and
 * removes its account (§3.2), which ends its other session too; XEP-0078 non-SASL login against
 * a server that offers no SASL mechanism.
 */
class AccountWireTest {

    private static WireFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new WireFixture(TlsPolicy.REQUIRED, SessionSettings.defaults(), Duration.ofSeconds(10),
                new SaslServerPolicy(false, false, false, SaslMechanismNames.all()),
                config -> config.withRegistration(RegistrationPolicy.defaults().withRegistration(true).withExtraFields(Array.of("email"))));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void registerLogInChangeThePasswordAndCancel() {
        ClientConfig mercutio = ClientConfig.of(Jid.of("mercutio@localhost/street"), "queen-mab").withKeepalive(Option.none());
        XmppClient registered = XmppClient.register(ClientSettings.of(mercutio, fixture.server.address()),
                Option.some(fixture.clientTls()), HashMap.of("email", "mercutio@verona.example")).block(Duration.ofSeconds(15));
        assertThat(registered.jid()).isEqualTo(Jid.of("mercutio@localhost/street"));
        assertThat(fixture.server.accounts().details("mercutio").block(Duration.ofSeconds(5)))
                .isEqualTo(HashMap.of("email", "mercutio@verona.example"));

        registered.changePassword("nightmare").block(Duration.ofSeconds(10));
        registered.close().block(Duration.ofSeconds(10));
        assertThat(failure(mercutio)).contains("not-authorized");

        ClientConfig renewed = ClientConfig.of(Jid.of("mercutio@localhost/street"), "nightmare").withKeepalive(Option.none());
        XmppClient first = fixture.connect(renewed, false);
        XmppClient second = fixture.connect(ClientConfig.of(Jid.of("mercutio@localhost/square"), "nightmare")
                .withKeepalive(Option.none()), true);
        var secondEnded = second.events().filter(SessionEvent.Ended.class::isInstance).next().toFuture();
        first.cancelRegistration().block(Duration.ofSeconds(10));

        SessionEvent.Ended ended = (SessionEvent.Ended) secondEnded.join();
        assertThat(ended.reason().received().map(e -> e.condition().wireName())).contains("not-authorized");
        assertThat(fixture.server.accounts().credentials("mercutio").block(Duration.ofSeconds(5))).isEmpty();
        assertThat(failure(renewed)).contains("not-authorized");
    }

    @Test
    void aTakenUsernameFailsRegistrationWithConflict() {
        ClientConfig juliet = fixture.config("juliet");
        String outcome = XmppClient.register(ClientSettings.of(juliet, fixture.server.address()), Option.some(fixture.clientTls()),
                HashMap.of("email", "juliet@capulet.example")).map(c -> "registered")
                .onErrorResume(e -> Mono.just(e.getMessage())).block(Duration.ofSeconds(15));
        assertThat(outcome).contains("registration failed: the host refused: conflict");
    }

    @Test
    void nonSaslLoginOverTls() {
        try (WireFixture legacy = new WireFixture(TlsPolicy.REQUIRED, SessionSettings.defaults(), Duration.ofSeconds(10),
                new SaslServerPolicy(false, false, false, Array.empty()), config -> config.withLegacyAuth(true))) {
            XmppClient juliet = legacy.connect(legacy.config("juliet").withLegacyAuth(true), false);
            assertThat(juliet.jid()).isEqualTo(Jid.of("juliet@localhost/wire"));
            assertThat(juliet.events().filter(SessionEvent.Authenticated.class::isInstance).blockFirst(Duration.ofSeconds(5)))
                    .isEqualTo(new SessionEvent.Authenticated("jabber:iq:auth", "juliet"));
            assertThat(juliet.ping(Option.none()).block(Duration.ofSeconds(5))).isPositive();
        }
    }

    private static String failure(ClientConfig config) {
        return XmppClient.connect(ClientSettings.of(config, fixture.server.address()), Option.some(fixture.clientTls()))
                .map(c -> "connected").onErrorResume(e -> Mono.just(e.getMessage())).block(Duration.ofSeconds(15));
    }
}
