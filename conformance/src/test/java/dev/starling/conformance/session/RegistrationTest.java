package dev.starling.conformance.session;

import dev.starling.machine.account.AccountOperation;
import dev.starling.machine.account.RegistrationPolicy;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.machine.stream.server.ServerConfig;
import dev.starling.machine.stream.server.ServerState;
import dev.starling.model.jid.Jid;
import dev.starling.model.register.Register;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0077 in-band registration through the client and server machines and the real codecs:
 * the client registers and then logs in on the same stream (§3.1, §3.1.1), with the fixed fields
 * or, when the server asks for more, the §4 form; and the server side replayed from the XEP's
 * examples: a taken username is {@code conflict} (Example 6), a missing field
 * {@code not-acceptable} (Example 7), cancellation (Examples 8 and 9) and password change
 * (Examples 15 and 16).
 */
class RegistrationTest {

    private static final RegistrationPolicy OPEN = RegistrationPolicy.defaults().withRegistration(true);

    private static ServerConfig server(RegistrationPolicy policy) {
        return NegotiationTest.server(TlsPolicy.REQUIRED, false).withRegistration(policy);
    }

    private static SessionPair pair(ClientConfig client, RegistrationPolicy policy) {
        return new SessionPair(client, server(policy), SessionPair.accounts("juliet", "r0m30myr0m30")).connect();
    }

    private static ClientConfig newcomer(io.vavr.collection.Map<String, String> details) {
        return ClientConfig.of(Jid.of("Mercutio@im.example.com/street"), "queen-mab").withKeepalive(Option.none()).withRegistration(details);
    }

    @Test
    void aClientRegistersThenLogsInOnTheSameStream() {
        SessionPair pair = pair(newcomer(HashMap.empty()), OPEN);
        assertThat(pair.clientEvents).contains(new SessionEvent.Authenticated("SCRAM-SHA-512-PLUS", "mercutio"));
        assertThat(pair.clientEvents).anyMatch(e -> e instanceof SessionEvent.Ready);
        assertThat(pair.hasAccount("mercutio")).as("the username is stored normalized (RFC 8265 §3.3)").isTrue();
        assertThat(pair.opens("mercutio", "queen-mab")).isTrue();
        assertThat(pair.clientWire.toString()).contains("<query xmlns=\"jabber:iq:register\"/>")
                .contains("<username>mercutio</username><password>queen-mab</password>");
        assertThat(pair.serverWire.toString()).contains("<register xmlns=\"http://jabber.org/features/iq-register\"/>")
                .contains("<username/><password/>");
        assertThat(pair.serverEvents).anyMatch(e -> e instanceof SessionEvent.AccountChanged c && c.operation() instanceof AccountOperation.Create);
    }

    @Test
    void extraFieldsComeAsAFormAndTheClientSubmitsTheForm() {
        RegistrationPolicy withEmail = OPEN.withExtraFields(Array.of("email"));
        SessionPair pair = pair(newcomer(HashMap.of("email", "mercutio@verona.example")), withEmail);
        assertThat(pair.clientEvents).anyMatch(e -> e instanceof SessionEvent.Ready);
        assertThat(pair.serverWire.toString()).contains("<x xmlns=\"jabber:x:data\" type=\"form\">")
                .contains("<email/>"); // the fixed fields stay for clients without forms (§5)
        assertThat(pair.clientWire.toString()).contains("<x xmlns=\"jabber:x:data\" type=\"submit\">")
                .doesNotContain("<username>"); // a form or the fields, never both (§5)
        assertThat(pair.serverEvents).anyMatch(e -> e instanceof SessionEvent.AccountChanged c
                && c.operation() instanceof AccountOperation.Create create && create.details().get("email").contains("mercutio@verona.example"));
    }

    @Test
    void aFieldTheClientCannotFillEndsTheSessionWithTheReason() {
        SessionPair pair = pair(newcomer(HashMap.empty()), OPEN.withExtraFields(Array.of("email")));
        assertThat(pair.clientEvents).contains(new SessionEvent.RegistrationFailed("the host's form requires fields without a value: email"));
        assertThat(pair.hasAccount("mercutio")).isFalse();
    }

    @Test
    void aTakenUsernameIsConflict() {
        ClientConfig juliet = ClientConfig.of(NegotiationTest.JULIET, "another").withKeepalive(Option.none()).withRegistration(HashMap.empty());
        SessionPair pair = pair(juliet, OPEN);
        assertThat(pair.clientEvents).anyMatch(e -> e instanceof SessionEvent.RegistrationFailed failed
                && failed.reason().startsWith("the host refused: conflict"));
        assertThat(pair.opens("juliet", "r0m30myr0m30")).as("the old account is untouched").isTrue();
    }

    @Test
    void registrationOffIsServiceUnavailable() {
        SessionPair pair = pair(newcomer(HashMap.empty()), RegistrationPolicy.defaults());
        assertThat(pair.serverWire.toString()).doesNotContain("iq-register");
        assertThat(pair.clientEvents).anyMatch(e -> e instanceof SessionEvent.RegistrationFailed failed
                && failed.reason().startsWith("the host refused: service-unavailable"));
    }

    @Test
    void theServerReadsExample4AndAnswersExample5() {
        ServerScript script = ServerScript.overTls(server(OPEN.withExtraFields(Array.of("email"))));
        Step<ServerState, SessionOutput> step = script.receive("""
                <iq type='set' id='reg2'>
                  <query xmlns='jabber:iq:register'>
                    <username>bill</username>
                    <password>Calliope</password>
                    <email>bard@shakespeare.lit</email>
                  </query>
                </iq>""");
        assertThat(step.state()).isInstanceOf(ServerState.AwaitRegistration.class);
        SessionOutput.UpdateAccount update = (SessionOutput.UpdateAccount) step.outputs().head();
        assertThat(update.operation()).isEqualTo(new AccountOperation.Create("bill", "Calliope", HashMap.of("email", "bard@shakespeare.lit")));
        Step<ServerState, SessionOutput> done = script.feed(new SessionInput.AccountUpdated(update.request(), update.operation(),
                io.vavr.control.Either.right(true)));
        assertThat(script.sent(done)).isEqualTo("<iq id=\"reg2\" type=\"result\"/>");

        Step<ServerState, SessionOutput> again = script.receive("<iq type='set' id='reg3'><query xmlns='jabber:iq:register'>"
                + "<username>ben</username><password>x</password><email>ben@shakespeare.lit</email></query></iq>");
        assertThat(script.sent(again)).as("one registration per stream (§3.1.1)").contains("<not-acceptable");
    }

    @Test
    void aTakenUsernameIsExample6WithoutThePassword() {
        ServerScript script = ServerScript.overTls(server(OPEN));
        Step<ServerState, SessionOutput> step = script.receive("<iq type='set' id='reg2'><query xmlns='jabber:iq:register'>"
                + "<username>bill</username><password>m1cro$oft</password></query></iq>");
        SessionOutput.UpdateAccount update = (SessionOutput.UpdateAccount) step.outputs().head();
        String answer = script.sent(script.feed(new SessionInput.AccountUpdated(update.request(), update.operation(),
                io.vavr.control.Either.right(false))));
        assertThat(answer).contains("type=\"error\"").contains("<conflict xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\"/>")
                .doesNotContain("m1cro$oft");
    }

    @Test
    void aMissingFieldIsExample7NotAcceptable() {
        ServerScript script = ServerScript.overTls(server(OPEN.withExtraFields(Array.of("email"))));
        String answer = script.sent(script.receive("""
                <iq type='set' id='reg2'>
                  <query xmlns='jabber:iq:register'>
                    <username>bill</username>
                    <password>Calliope</password>
                  </query>
                </iq>"""));
        assertThat(answer).contains("type=\"modify\"").contains("<not-acceptable").contains("required: email");
        String empty = script.sent(script.receive("<iq type='set' id='reg3'><query xmlns='jabber:iq:register'>"
                + "<username>bill</username><password/><email>b@s.lit</email></query></iq>"));
        assertThat(empty).as("an empty <password/> is not a password (§3.1 note)").contains("<not-acceptable");
    }

    @Test
    void aFormAndFieldsTogetherAreBadRequest() {
        ServerScript script = ServerScript.overTls(server(OPEN));
        String answer = script.sent(script.receive("<iq type='set' id='reg2'><query xmlns='jabber:iq:register'>"
                + "<username>bill</username><password>Calliope</password>"
                + "<x xmlns='jabber:x:data' type='submit'><field var='username'><value>bill</value></field></x></query></iq>"));
        assertThat(answer).contains("<bad-request");
    }

    @Test
    void cancellationIsExamples8And9AndEndsEverySessionOfTheAccount() {
        SessionPair pair = NegotiationTest.pair(NegotiationTest.client("r0m30myr0m30"), server(RegistrationPolicy.defaults()));
        pair.client(new SessionInput.SendStanza(Iq.of(IqType.SET, "unreg1", Register.cancellation())));
        assertThat(pair.clientWire.toString()).contains("<iq id=\"unreg1\" type=\"set\"><query xmlns=\"jabber:iq:register\"><remove/></query></iq>");
        assertThat(pair.serverWire.toString()).contains("<iq from=\"im.example.com\" id=\"unreg1\" to=\"juliet@im.example.com/balcony\" type=\"result\"/>")
                .contains("<not-authorized xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>");
        assertThat(pair.endedAccounts).containsExactly(Jid.of("juliet@im.example.com"));
        assertThat(pair.hasAccount("juliet")).isFalse();
    }

    @Test
    void passwordChangeIsExamples15And16() {
        SessionPair pair = NegotiationTest.pair(NegotiationTest.client("r0m30myr0m30"), server(RegistrationPolicy.defaults()));
        pair.client(new SessionInput.SendStanza(Iq.of(IqType.SET, "change1", Register.passwordChange("juliet", "newpass"))
                .withTo(Option.some(NegotiationTest.DOMAIN))));
        assertThat(pair.serverWire.toString()).contains("id=\"change1\" to=\"juliet@im.example.com/balcony\" type=\"result\"/>");
        assertThat(pair.opens("juliet", "newpass")).isTrue();
        assertThat(pair.opens("juliet", "r0m30myr0m30")).isFalse();
    }

    @Test
    void passwordChangeRefusals() {
        SessionPair pair = NegotiationTest.pair(NegotiationTest.client("r0m30myr0m30"), server(RegistrationPolicy.defaults()));
        pair.client(new SessionInput.SendStanza(Iq.of(IqType.SET, "c1", Register.passwordChange("romeo", "newpass"))));
        pair.client(new SessionInput.SendStanza(Iq.of(IqType.SET, "c2", Register.passwordChange("juliet", ""))));
        pair.client(new SessionInput.SendStanza(Iq.of(IqType.SET, "c3", Register.passwordChange("juliet@im.example.com", "ok-too"))));
        String wire = pair.serverWire.toString();
        assertThat(wire).contains("id=\"c1\" to=\"juliet@im.example.com/balcony\" type=\"error\"><error type=\"auth\"><not-authorized");
        assertThat(wire).contains("id=\"c2\" to=\"juliet@im.example.com/balcony\" type=\"error\"><error type=\"modify\"><bad-request");
        assertThat(wire).contains("id=\"c3\" to=\"juliet@im.example.com/balcony\" type=\"result\"/>"); // Example 18 names the bare JID
        assertThat(wire).doesNotContain("newpass");

        SessionPair closed = NegotiationTest.pair(NegotiationTest.client("r0m30myr0m30"),
                server(new RegistrationPolicy(false, false, false, Array.empty(), "")));
        closed.client(new SessionInput.SendStanza(Iq.of(IqType.SET, "c4", Register.passwordChange("juliet", "x"))));
        closed.client(new SessionInput.SendStanza(Iq.of(IqType.SET, "c5", Register.cancellation())));
        assertThat(closed.serverWire.toString()).contains("id=\"c4\" to=\"juliet@im.example.com/balcony\" type=\"error\"><error type=\"cancel\"><not-allowed")
                .contains("id=\"c5\" to=\"juliet@im.example.com/balcony\" type=\"error\"><error type=\"cancel\"><not-allowed");
    }

    @Test
    void theServerAdvertisesRegistrationInDisco() {
        SessionPair pair = NegotiationTest.pair(NegotiationTest.client("r0m30myr0m30"),
                server(RegistrationPolicy.defaults()).withLegacyAuth(true));
        pair.client(new SessionInput.SendStanza(Iq.of(IqType.GET, "disco1", dev.starling.model.disco.DiscoInfo.query())
                .withTo(Option.some(NegotiationTest.DOMAIN))));
        assertThat(pair.serverWire.toString()).contains("<feature var=\"jabber:iq:register\"/>") // XEP-0077 §10
                .contains("<feature var=\"jabber:iq:auth\"/>");
        SessionPair closed = NegotiationTest.pair(NegotiationTest.client("r0m30myr0m30"),
                server(new RegistrationPolicy(false, false, false, Array.empty(), "")));
        closed.client(new SessionInput.SendStanza(Iq.of(IqType.GET, "disco1", dev.starling.model.disco.DiscoInfo.query())
                .withTo(Option.some(NegotiationTest.DOMAIN))));
        assertThat(closed.serverWire.toString()).contains("disco#info").doesNotContain("jabber:iq:register").doesNotContain("jabber:iq:auth");
    }

    @Test
    void aRegisteredSessionAsksAndGetsRegistered() {
        SessionPair pair = NegotiationTest.pair(NegotiationTest.client("r0m30myr0m30"), server(RegistrationPolicy.defaults()));
        pair.client(new SessionInput.SendStanza(Iq.of(IqType.GET, "reg1", Register.query())));
        assertThat(pair.serverWire.toString()).contains("<registered/><username>juliet</username>"); // Example 3
    }
}
