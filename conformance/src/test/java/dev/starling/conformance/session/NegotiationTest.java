package dev.starling.conformance.session;

import dev.starling.machine.sasl.SaslServerPolicy;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.machine.stream.client.ClientState;
import dev.starling.machine.stream.server.ServerConfig;
import dev.starling.machine.stream.server.ServerState;
import dev.starling.model.disco.Identity;
import dev.starling.model.jid.Jid;
import dev.starling.model.ping.Ping;
import dev.starling.model.sasl.SaslFailureCondition;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stream.StreamErrorCondition;
import dev.starling.model.version.SoftwareVersion;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client and server machines negotiate with each other through the real codecs (RFC 6120
 * §4 to §7, the flow of §9.1), for every mechanism and TLS policy, and refuse what the RFC refuses.
 */
class NegotiationTest {

    static final Jid DOMAIN = Jid.of("im.example.com");
    static final Jid JULIET = Jid.of("juliet@im.example.com/balcony");

    static ServerConfig server(TlsPolicy tls, boolean plainWithoutTls) {
        return ServerConfig.defaults(DOMAIN, new EntityServices(Array.of(Identity.of("server", "im", "Starling")), Array.empty(),
                Array.empty(), SoftwareVersion.of("Starling", "test"))).withTls(tls)
                .withSasl(new SaslServerPolicy(plainWithoutTls, false, false, dev.starling.machine.sasl.SaslMechanismNames.all()));
    }

    static ClientConfig client(String password) {
        return ClientConfig.of(JULIET, password).withKeepalive(Option.none());
    }

    static SessionPair pair(ClientConfig client, ServerConfig server) {
        return new SessionPair(client, server, SessionPair.accounts("juliet", "r0m30myr0m30")).connect();
    }

    @Test
    void negotiatesTlsScramAndBindingLikeRfc6120Section9() {
        SessionPair pair = pair(client("r0m30myr0m30"), server(TlsPolicy.REQUIRED, false));

        assertThat(pair.clientState()).isInstanceOf(ClientState.Ready.class);
        assertThat(pair.serverState()).isInstanceOf(ServerState.Ready.class);
        assertThat(pair.clientEvents).filteredOn(SessionEvent.Authenticated.class::isInstance)
                .singleElement().extracting(e -> ((SessionEvent.Authenticated) e).mechanism()).isEqualTo("SCRAM-SHA-512-PLUS");
        assertThat(pair.clientEvents).contains(new SessionEvent.Ready(JULIET));
        assertThat(pair.serverEvents).contains(new SessionEvent.Ready(JULIET));
        assertThat(pair.clientWire.toString()).contains("<starttls").contains("mechanism=\"SCRAM-SHA-512-PLUS\"")
                .contains("<resource>balcony</resource>");
        assertThat(pair.serverWire.toString()).contains("<proceed").contains("<success").contains("<jid>juliet@im.example.com/balcony</jid>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCRAM-SHA-1", "SCRAM-SHA-256", "SCRAM-SHA-512", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256-PLUS",
            "SCRAM-SHA-512-PLUS", "PLAIN"})
    void everyMechanismAuthenticatesOverTls(String mechanism) {
        SessionPair pair = pair(client("r0m30myr0m30").withMechanisms(List.of(mechanism)), server(TlsPolicy.REQUIRED, false));
        assertThat(pair.clientEvents).contains(new SessionEvent.Authenticated(mechanism, "juliet"), new SessionEvent.Ready(JULIET));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tls-exporter", "tls-server-end-point"})
    void channelBindingWorksWithEitherType(String type) {
        var only = SessionPair.BINDINGS.filter(b -> b.type().equals(type));
        SessionPair pair = new SessionPair(client("r0m30myr0m30"), server(TlsPolicy.REQUIRED, false),
                SessionPair.accounts("juliet", "r0m30myr0m30"), only).connect();
        assertThat(pair.clientEvents).contains(new SessionEvent.Authenticated("SCRAM-SHA-512-PLUS", "juliet"));
    }

    @Test
    void aWrongPasswordIsNotAuthorizedAndNothingIsBound() {
        SessionPair pair = pair(client("wrong"), server(TlsPolicy.REQUIRED, false));
        assertThat(pair.clientEvents).filteredOn(SessionEvent.AuthenticationFailed.class::isInstance)
                .extracting(e -> ((SessionEvent.AuthenticationFailed) e).condition()).containsOnly(SaslFailureCondition.NOT_AUTHORIZED);
        assertThat(pair.serverEvents).noneMatch(SessionEvent.Ready.class::isInstance);
        assertThat(pair.clientState()).isInstanceOf(ClientState.Closed.class);
    }

    @Test
    void anUnknownUserLooksLikeAWrongPassword() {
        SessionPair pair = new SessionPair(ClientConfig.of(Jid.of("nobody@im.example.com"), "x").withKeepalive(Option.none()),
                server(TlsPolicy.REQUIRED, false), SessionPair.accounts("juliet", "r0m30myr0m30")).connect();
        assertThat(pair.clientEvents).filteredOn(SessionEvent.AuthenticationFailed.class::isInstance)
                .extracting(e -> ((SessionEvent.AuthenticationFailed) e).condition()).containsOnly(SaslFailureCondition.NOT_AUTHORIZED);
    }

    @Test
    void aClientThatRequiresTlsRefusesAServerWithout() {
        SessionPair pair = pair(client("r0m30myr0m30"), server(TlsPolicy.DISABLED, true));
        assertThat(pair.clientEvents).anyMatch(e -> e instanceof SessionEvent.Ended ended
                && ended.reason().sent().exists(error -> error.condition() == StreamErrorCondition.POLICY_VIOLATION));
        assertThat(pair.serverEvents).noneMatch(SessionEvent.Authenticated.class::isInstance);
    }

    @Test
    void plainWithoutTlsOnlyWhereBothSidesAllowIt() {
        SessionPair allowed = pair(client("r0m30myr0m30").withTls(TlsPolicy.DISABLED).withPlainWithoutTls(true)
                .withMechanisms(List.of("PLAIN")), server(TlsPolicy.DISABLED, true));
        assertThat(allowed.clientState()).isInstanceOf(ClientState.Ready.class);

        SessionPair refused = pair(client("r0m30myr0m30").withTls(TlsPolicy.DISABLED).withMechanisms(List.of("PLAIN")),
                server(TlsPolicy.DISABLED, true));
        assertThat(refused.clientWire.toString()).doesNotContain("mechanism=\"PLAIN\"");
    }

    @Test
    void scramWorksWithoutTlsWhenTlsIsDisabled() {
        SessionPair pair = pair(client("r0m30myr0m30").withTls(TlsPolicy.DISABLED), server(TlsPolicy.DISABLED, false));
        assertThat(pair.clientEvents).contains(new SessionEvent.Authenticated("SCRAM-SHA-512", "juliet"));
    }

    @Test
    void theServerAnswersPingVersionAndDiscoAndRefusesTheUnknown() {
        SessionPair pair = pair(client("r0m30myr0m30"), server(TlsPolicy.REQUIRED, false));
        pair.client(new SessionInput.SendStanza(Iq.of(IqType.GET, "p1", new Ping()).withTo(Option.some(DOMAIN))));
        pair.client(new SessionInput.SendStanza(Iq.of(IqType.GET, "v1", SoftwareVersion.query())));
        pair.client(new SessionInput.SendStanza(Iq.of(IqType.GET, "u1",
                dev.starling.model.element.Element.of("urn:example:unknown", "query"))));
        var responses = pair.clientEvents.stream().filter(SessionEvent.StanzaReceived.class::isInstance)
                .map(e -> (Iq) ((SessionEvent.StanzaReceived) e).stanza()).toList();
        assertThat(responses).extracting(Iq::iqId).containsExactly("p1", "v1", "u1");
        assertThat(responses.get(0).type()).isEqualTo(IqType.RESULT);
        assertThat(responses.get(1).firstChild(SoftwareVersion.class)).contains(SoftwareVersion.of("Starling", "test"));
        assertThat(responses.get(2).error().get().condition().wireName()).isEqualTo("service-unavailable");
    }

    @Test
    void theServerStampsFromAndRoutes() {
        SessionPair pair = pair(client("r0m30myr0m30"), server(TlsPolicy.REQUIRED, false));
        pair.client(new SessionInput.SendStanza(Message.chat(Jid.of("romeo@example.net"), "hi")));
        assertThat(pair.routed).singleElement().satisfies(stanza -> assertThat(stanza.from()).contains(JULIET));
    }

    @Test
    void aFromThatIsNotTheSessionsIsInvalidFrom() {
        SessionPair pair = pair(client("r0m30myr0m30"), server(TlsPolicy.REQUIRED, false));
        pair.client(new SessionInput.SendStanza(Message.chat(Jid.of("romeo@example.net"), "hi")
                .withFrom(Option.some(Jid.of("mallory@im.example.com/x")))));
        assertThat(pair.serverEvents).anyMatch(e -> e instanceof SessionEvent.Ended ended
                && ended.reason().sent().exists(error -> error.condition() == StreamErrorCondition.INVALID_FROM));
        assertThat(pair.routed).isEmpty();
    }

    @Test
    void negotiationThatTakesTooLongEndsWithConnectionTimeout() {
        SessionPair pair = new SessionPair(client("r0m30myr0m30"), server(TlsPolicy.REQUIRED, false),
                SessionPair.accounts("juliet", "r0m30myr0m30"));
        pair.server(new SessionInput.Connected(false)); // the client never opens its stream
        pair.server(new SessionInput.TimerFired(TimerKey.NEGOTIATION));
        assertThat(pair.serverOutputs).anyMatch(o -> o instanceof SessionOutput.CloseStream close
                && close.error().exists(error -> error.condition() == StreamErrorCondition.CONNECTION_TIMEOUT));
        assertThat(pair.serverWire.toString()).startsWith("<?xml").contains("<connection-timeout");
    }

    @Test
    void anOrderlyCloseEndsBothSides() {
        SessionPair pair = pair(client("r0m30myr0m30"), server(TlsPolicy.REQUIRED, false));
        pair.client(new SessionInput.Close());
        assertThat(pair.clientState()).isInstanceOf(ClientState.Closed.class);
        assertThat(pair.serverState()).isInstanceOf(ServerState.Closed.class);
        assertThat(pair.clientEvents).last().isInstanceOf(SessionEvent.Ended.class);
        assertThat(pair.serverEvents).last().isInstanceOf(SessionEvent.Ended.class);
    }

    @Test
    void aClientIqWithoutAnswerTimesOut() {
        SessionPair pair = pair(client("r0m30myr0m30"), server(TlsPolicy.REQUIRED, false));
        pair.client(new SessionInput.SendStanza(Iq.of(IqType.GET, "lost", new Ping()).withTo(Option.some(Jid.of("romeo@example.net")))));
        pair.client(new SessionInput.TimerFired(TimerKey.iq("lost")));
        assertThat(pair.clientEvents).contains(new SessionEvent.IqTimedOut("lost"));
    }
}
