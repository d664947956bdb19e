package dev.starling.conformance.session;

import dev.starling.machine.account.LegacyDigest;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.sasl.SaslServerPolicy;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.machine.stream.client.ClientSession;
import dev.starling.machine.stream.client.ClientState;
import dev.starling.machine.stream.server.ServerConfig;
import dev.starling.machine.stream.server.ServerState;
import dev.starling.model.Namespaces;
import dev.starling.model.jid.Jid;
import dev.starling.model.legacyauth.IqAuth;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stream.StreamHeader;
import io.vavr.collection.Array;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0078 non-SASL authentication through the machines: the client uses it only without a
 * usable SASL mechanism (§7), sends Example 4's digest when offered and plaintext only over TLS;
 * the server, replayed from Examples 1 to 8, answers the fields without {@code <digest/>} (it
 * stores no passwords), logs in with Example 3, and refuses with Examples 6 to 8 without echoing
 * the credentials.
 */
class LegacyAuthTest {

    private static final SaslServerPolicy NO_SASL = new SaslServerPolicy(false, false, false, Array.empty());

    private static ServerConfig server(boolean legacyAuth) {
        return NegotiationTest.server(TlsPolicy.REQUIRED, false).withLegacyAuth(legacyAuth);
    }

    @Test
    void theDigestIsExample4() {
        assertThat(LegacyDigest.of("3EE948B0", "Calli0pe")).isEqualTo("48fc78be9ec8f86d8ce1c39c320c97c21d62334d");
    }

    @Test
    void withoutUsableSaslTheClientLogsInWithPlaintextOverTls() {
        SessionPair pair = new SessionPair(NegotiationTest.client("r0m30myr0m30").withLegacyAuth(true),
                server(true).withSasl(NO_SASL), SessionPair.accounts("juliet", "r0m30myr0m30")).connect();
        assertThat(pair.clientEvents).contains(new SessionEvent.Authenticated("jabber:iq:auth", "juliet"),
                new SessionEvent.Ready(NegotiationTest.JULIET));
        assertThat(pair.serverEvents).contains(new SessionEvent.Ready(NegotiationTest.JULIET));
        assertThat(pair.serverWire.toString()).contains("<auth xmlns=\"http://jabber.org/features/iq-auth\"/>")
                .contains("<query xmlns=\"jabber:iq:auth\"><username/><password/><resource/></query>");
        assertThat(pair.clientWire.toString())
                .contains("<query xmlns=\"jabber:iq:auth\"><username>juliet</username></query>")
                .contains("<query xmlns=\"jabber:iq:auth\"><username>juliet</username><password>r0m30myr0m30</password>"
                        + "<resource>balcony</resource></query>");

        pair.client(new SessionInput.SendStanza(Iq.of(IqType.GET, "p1", new dev.starling.model.ping.Ping())));
        assertThat(pair.serverWire.toString()).as("the stream is ready without a restart").contains("id=\"p1\"");
    }

    @Test
    void saslIsPreferredWhenOffered() {
        SessionPair pair = new SessionPair(NegotiationTest.client("r0m30myr0m30").withLegacyAuth(true), server(true),
                SessionPair.accounts("juliet", "r0m30myr0m30")).connect();
        assertThat(pair.clientEvents).contains(new SessionEvent.Authenticated("SCRAM-SHA-512-PLUS", "juliet"));
        assertThat(pair.clientWire.toString()).doesNotContain("jabber:iq:auth");
    }

    @Test
    void theClientSendsExample4sDigestToAPre10Server() {
        ClientConfig bill = ClientConfig.of(Jid.of("bill@shakespeare.lit/globe"), "Calli0pe").withTls(TlsPolicy.DISABLED)
                .withLegacyAuth(true);
        ClientScript client = new ClientScript(bill);
        client.feed(new SessionInput.Connected(false));
        Step<ClientState, SessionOutput> get = client.feed(new SessionInput.HeaderReceived(StreamHeader.of(Namespaces.CLIENT)
                .withFrom(Option.some(Jid.of("shakespeare.lit"))).withId(Option.some("3EE948B0")).withVersion(Option.none())));
        Iq request = client.sentIq(get);
        assertThat(request.payload()).contains(IqAuth.query(Option.some("bill"))); // Example 1 (with the optional username)

        Step<ClientState, SessionOutput> set = client.feed(new SessionInput.Received(
                Iq.of(IqType.RESULT, request.iqId(), IqAuth.fields(true, true)))); // Example 2
        assertThat(client.sentIq(set).payload())
                .contains(IqAuth.digest("bill", "48fc78be9ec8f86d8ce1c39c320c97c21d62334d", "globe")); // Example 4

        Step<ClientState, SessionOutput> ready = client.feed(new SessionInput.Received(
                new Iq(IqType.RESULT, client.sentIq(set).iqId(), Option.none(), Option.none(), Option.none(), Array.empty())));
        assertThat(ready.state()).isInstanceOf(ClientState.Ready.class);
        assertThat(((ClientState.Ready) ready.state()).jid()).isEqualTo(Jid.of("bill@shakespeare.lit/globe"));
    }

    @Test
    void theClientNeverSendsAPlaintextPasswordInTheClear() {
        ClientScript client = new ClientScript(ClientConfig.of(Jid.of("bill@shakespeare.lit/globe"), "Calli0pe")
                .withTls(TlsPolicy.DISABLED).withLegacyAuth(true));
        client.feed(new SessionInput.Connected(false));
        Iq request = client.sentIq(client.feed(new SessionInput.HeaderReceived(StreamHeader.of(Namespaces.CLIENT)
                .withId(Option.some("3EE948B0")).withVersion(Option.none()))));
        Step<ClientState, SessionOutput> step = client.feed(new SessionInput.Received(
                Iq.of(IqType.RESULT, request.iqId(), IqAuth.fields(true, false))));
        assertThat(step.outputs()).noneMatch(o -> o instanceof SessionOutput.Send send && send.element() instanceof Iq);
        assertThat(step.state()).isInstanceOf(ClientState.Closing.class);
    }

    @Test
    void theServerOffersTheFieldsOfExample2WithoutDigest() {
        ServerScript script = ServerScript.overTls(server(true));
        String answer = script.sent(script.receive("<iq type='get' to='im.example.com' id='auth1'><query xmlns='jabber:iq:auth'/></iq>"));
        assertThat(answer).isEqualTo("<iq from=\"im.example.com\" id=\"auth1\" type=\"result\">"
                + "<query xmlns=\"jabber:iq:auth\"><username/><password/><resource/></query></iq>");
    }

    @Test
    void theServerLogsInExample3AndAnswersExample5() {
        ServerScript script = ServerScript.overTls(server(true));
        Step<ServerState, SessionOutput> lookup = script.receive("""
                <iq type='set' id='auth2'>
                  <query xmlns='jabber:iq:auth'>
                    <username>bill</username>
                    <password>Calli0pe</password>
                    <resource>globe</resource>
                  </query>
                </iq>""");
        assertThat(lookup.outputs()).containsExactly(new SessionOutput.LookupCredentials("bill"));
        Step<ServerState, SessionOutput> bind = script.feed(new SessionInput.CredentialsLoaded(Option.some(Credentials.stored("Calli0pe"))));
        SessionOutput.RequestBinding request = (SessionOutput.RequestBinding) bind.outputs().head();
        assertThat(request.request().requested()).contains("globe");
        Jid bound = Jid.of("bill@im.example.com/globe");
        Step<ServerState, SessionOutput> done = script.feed(new SessionInput.BindDecided(Either.right(bound)));
        assertThat(script.sent(done)).isEqualTo("<iq id=\"auth2\" type=\"result\"/>");
        assertThat(done.outputs()).contains(new SessionOutput.Notify(new SessionEvent.Authenticated("jabber:iq:auth", "bill")),
                new SessionOutput.Notify(new SessionEvent.Ready(bound)));
        assertThat(script.state()).isInstanceOf(ServerState.Ready.class);
    }

    @Test
    void wrongCredentialsAreExample6AndTheThirdFailureEndsTheStream() {
        ServerScript script = ServerScript.overTls(server(true));
        for (int attempt = 1; attempt <= 3; attempt++) {
            script.receive("<iq type='set' id='auth" + attempt + "'><query xmlns='jabber:iq:auth'><username>bill</username>"
                    + "<password>wrong</password><resource>globe</resource></query></iq>");
            Step<ServerState, SessionOutput> refused = script.feed(new SessionInput.CredentialsLoaded(Option.some(Credentials.stored("Calli0pe"))));
            String answer = script.sent(refused);
            assertThat(answer).isEqualTo("<iq id=\"auth" + attempt + "\" type=\"error\"><error type=\"auth\">"
                    + "<not-authorized xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\"/></error></iq>");
            if (attempt == 3) {
                assertThat(refused.outputs()).anyMatch(o -> o instanceof SessionOutput.CloseStream close
                        && close.error().exists(e -> e.condition().wireName().equals("policy-violation")));
            }
        }
    }

    @Test
    void aResourceConflictIsExample7() {
        ServerScript script = ServerScript.overTls(server(true));
        script.receive("<iq type='set' id='auth2'><query xmlns='jabber:iq:auth'><username>bill</username>"
                + "<password>Calli0pe</password><resource>globe</resource></query></iq>");
        script.feed(new SessionInput.CredentialsLoaded(Option.some(Credentials.stored("Calli0pe"))));
        String answer = script.sent(script.feed(new SessionInput.BindDecided(Either.left(StanzaError.of(StanzaErrorCondition.CONFLICT)))));
        assertThat(answer).isEqualTo("<iq id=\"auth2\" type=\"error\"><error type=\"cancel\">"
                + "<conflict xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\"/></error></iq>");
        assertThat(script.state()).isInstanceOf(ServerState.ExpectFeatureChoice.class);
    }

    @Test
    void missingInformationIsExample8AndADigestIsNotAcceptedEither() {
        ServerScript script = ServerScript.overTls(server(true));
        assertThat(script.sent(script.receive("<iq type='set' id='auth2'><query xmlns='jabber:iq:auth'><username>bill</username>"
                + "<password>Calli0pe</password></query></iq>"))).contains("<error type=\"modify\"><not-acceptable");
        assertThat(script.sent(script.receive("""
                <iq type='set' id='auth3'>
                  <query xmlns='jabber:iq:auth'>
                    <username>bill</username>
                    <digest>48fc78be9ec8f86d8ce1c39c320c97c21d62334d</digest>
                    <resource>globe</resource>
                  </query>
                </iq>"""))).contains("<not-acceptable").contains("not a digest").doesNotContain("48fc78be");
    }

    @Test
    void afterAFailedSaslAttemptNonSaslIsAPolicyViolation() {
        ServerScript script = ServerScript.overTls(server(true));
        script.receive("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGJpbGwAd3Jvbmc=</auth>");
        script.feed(new SessionInput.CredentialsLoaded(Option.some(Credentials.stored("Calli0pe"))));
        Step<ServerState, SessionOutput> step = script.receive("<iq type='get' id='auth1'><query xmlns='jabber:iq:auth'/></iq>");
        assertThat(step.outputs()).anyMatch(o -> o instanceof SessionOutput.CloseStream close
                && close.error().exists(e -> e.condition().wireName().equals("policy-violation")));
    }

    @Test
    void offIsServiceUnavailable() {
        ServerScript script = ServerScript.overTls(server(false));
        assertThat(script.sent(script.receive("<iq type='get' id='auth1'><query xmlns='jabber:iq:auth'/></iq>")))
                .contains("<service-unavailable");
    }

    /** Drives a client machine alone. */
    private static final class ClientScript {

        private ClientState state;
        private int count;

        ClientScript(ClientConfig config) {
            state = ClientSession.initial(config);
        }

        Step<ClientState, SessionOutput> feed(SessionInput input) {
            Step<ClientState, SessionOutput> step = ClientSession.step(state, input,
                    new Fresh(Instant.EPOCH.plusSeconds(++count), ("c" + count).repeat(48).substring(0, 96)));
            state = step.state();
            return step;
        }

        Iq sentIq(Step<ClientState, SessionOutput> step) {
            return (Iq) step.outputs().filter(SessionOutput.Send.class::isInstance).map(o -> ((SessionOutput.Send) o).element())
                    .find(Iq.class::isInstance).get();
        }
    }
}
