package dev.starling.conformance.wire;

import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.server.ServerSettings;
import dev.starling.io.server.StarlingServer;
import dev.starling.io.session.SessionSettings;
import dev.starling.io.store.InMemoryAccountStore;
import dev.starling.machine.routing.ConflictPolicy;
import dev.starling.machine.sasl.SaslMechanismNames;
import dev.starling.machine.sasl.SaslServerPolicy;
import dev.starling.machine.sasl.ScramCredentialsFactory;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.machine.stream.server.ServerConfig;
import dev.starling.model.Bytes;
import dev.starling.model.disco.Identity;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.version.SoftwareVersion;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Client and server over real loopback sockets without TLS: the runner, the router and the stores end to end. */
class PlainWireTest {

    static final Jid DOMAIN = Jid.of("localhost");
    /** More client connections than reactor-netty's default connection pool lends at once (500). */
    static final int MANY = 520;
    private StarlingServer server;

    @BeforeEach
    void start() {
        InMemoryAccountStore accounts = new InMemoryAccountStore();
        for (String user : new String[]{"juliet", "romeo"}) {
            accounts.create(user, ScramCredentialsFactory.deriveAll("secret-" + user, Bytes.of(("salt-" + user).getBytes()), 4096))
                    .block();
        }
        ServerConfig machine = ServerConfig.defaults(DOMAIN, new EntityServices(Array.of(Identity.of("server", "im", "Starling")),
                        Array.empty(), Array.empty(), SoftwareVersion.of("Starling", "test")))
                .withTls(TlsPolicy.DISABLED).withSasl(new SaslServerPolicy(false, false, false, SaslMechanismNames.all()))
                .withNegotiationTimeout(Duration.ofSeconds(10)).withCloseTimeout(Duration.ofSeconds(2));
        server = StarlingServer.create(new ServerSettings("127.0.0.1", 0, Option.none(), machine, SessionSettings.defaults(),
                ConflictPolicy.REPLACE_OLD, MANY + 10), accounts, Option.none()).start().block(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private XmppClient connect(String user) {
        ClientConfig config = ClientConfig.of(Jid.of(user + "@localhost/wire"), "secret-" + user).withTls(TlsPolicy.DISABLED)
                .withKeepalive(Option.none());
        return XmppClient.connect(ClientSettings.of(config, server.address()), Option.none()).block(Duration.ofSeconds(10));
    }

    @Test
    void twoClientsExchangeAMessageAndPingTheServer() {
        XmppClient juliet = connect("juliet");
        XmppClient romeo = connect("romeo");
        assertThat(juliet.jid()).isEqualTo(Jid.of("juliet@localhost/wire"));

        var received = romeo.stanzas().filter(Message.class::isInstance).next().toFuture();
        juliet.send(Message.chat(romeo.jid(), "Wherefore art thou?")).block(Duration.ofSeconds(5));
        Stanza message = received.join();
        assertThat(((Message) message).body()).contains("Wherefore art thou?");
        assertThat(message.from()).contains(juliet.jid());

        assertThat(juliet.ping(Option.none()).block(Duration.ofSeconds(5))).isPositive();
        assertThat(juliet.discoInfo(Option.none()).block(Duration.ofSeconds(5)).identities())
                .contains(Identity.of("server", "im", "Starling"));
        assertThat(romeo.version(Option.some(DOMAIN)).block(Duration.ofSeconds(5)).name()).contains("Starling");
        assertThat(juliet.ping(Option.some(romeo.jid())).block(Duration.ofSeconds(5))).isPositive();

        juliet.close().block(Duration.ofSeconds(5));
        romeo.close().block(Duration.ofSeconds(5));
    }

    @Test
    void moreSessionsThanAConnectionPoolHoldsAllConnect() {
        java.util.List<XmppClient> clients = reactor.core.publisher.Flux.range(0, MANY)
                .flatMap(i -> XmppClient.connect(ClientSettings.of(ClientConfig.of(Jid.of("juliet@localhost/many" + i), "secret-juliet")
                        .withTls(TlsPolicy.DISABLED).withKeepalive(Option.none()), server.address()), Option.none()), 8)
                .collectList().block(Duration.ofSeconds(120));
        try {
            assertThat(clients).hasSize(MANY);
            assertThat(clients.stream().map(XmppClient::jid).distinct()).hasSize(MANY);
            XmppClient last = clients.get(MANY - 1);
            assertThat(last.ping(Option.none()).block(Duration.ofSeconds(5))).isPositive();
        } finally {
            reactor.core.publisher.Flux.fromIterable(clients).flatMap(XmppClient::close, 16).then().block(Duration.ofSeconds(60));
        }
    }

    @Test
    void aWrongPasswordFailsTheConnection() {
        ClientConfig config = ClientConfig.of(Jid.of("juliet@localhost"), "nope").withTls(TlsPolicy.DISABLED);
        var outcome = XmppClient.connect(ClientSettings.of(config, server.address()), Option.none())
                .map(c -> "connected").onErrorResume(e -> reactor.core.publisher.Mono.just(e.getMessage()))
                .block(Duration.ofSeconds(10));
        assertThat(outcome).contains("authentication failed: not-authorized");
    }
}
