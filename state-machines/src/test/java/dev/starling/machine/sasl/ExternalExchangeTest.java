package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import dev.starling.model.sasl.SaslFailureCondition;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static dev.starling.machine.sasl.SaslHarness.bytes;
import static dev.starling.machine.sasl.SaslHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

/** EXTERNAL (RFC 4422 Appendix A) as XEP-0178 §3.7 and §3.8 use it: the authzid against the certificate's identities. */
class ExternalExchangeTest {

    static SaslServer server(Seq<String> identities) {
        return SaslServers.create("EXTERNAL", SaslServerPolicy.defaults(), Option.none(), true, "n", identities, "anon").get();
    }

    static SaslClient client(Option<String> authzid) {
        return SaslClients.create("EXTERNAL", new ClientCredentials("", "", authzid), Option.none(), false, "n").get();
    }

    @Test
    void withoutAnAuthzidTheOneCertificateIdentityIsUsed() {
        SaslHarness.Outcome outcome = run(client(Option.none()), server(List.of("juliet@example.com")), HashMap.empty());
        assertThat(outcome.sent().head()).isEqualTo(Bytes.empty());
        assertThat(outcome.authenticated()).isTrue();
        assertThat(outcome.success().identity()).isEqualTo(new Authenticated("juliet@example.com", Option.none()));
        assertThat(server(List.of("juliet@example.com")).onAuth(Option.some(bytes("="))))
                .isEqualTo(outcome.last());
    }

    @Test
    void withSeveralIdentitiesTheClientMustChoose() {
        Seq<String> two = List.of("juliet@example.com", "juliet@example.net");
        assertThat(((ServerStep.Failure) server(two).onAuth(Option.some(Bytes.empty()))).condition())
                .isEqualTo(SaslFailureCondition.INVALID_AUTHZID);

        SaslHarness.Outcome chosen = run(client(Option.some("juliet@example.net")), server(two), HashMap.empty());
        assertThat(chosen.sent().head()).isEqualTo(bytes("juliet@example.net"));
        assertThat(chosen.success().identity()).isEqualTo(new Authenticated("juliet@example.net", Option.some("juliet@example.net")));
    }

    @Test
    void theAuthzidIsComparedAsAJid() {
        SaslHarness.Outcome outcome = run(client(Option.some("Juliet@EXAMPLE.com")), server(List.of("juliet@example.com")), HashMap.empty());
        assertThat(outcome.success().identity().username()).isEqualTo("juliet@example.com");
    }

    @Test
    void anAuthzidTheCertificateDoesNotNameIsInvalid() {
        SaslHarness.Outcome outcome = run(client(Option.some("romeo@example.net")), server(List.of("juliet@example.com")), HashMap.empty());
        assertThat(outcome.failure().condition()).isEqualTo(SaslFailureCondition.INVALID_AUTHZID);
    }

    @Test
    void serverToServerIdentitiesAreDomains() {
        SaslHarness.Outcome outcome = run(client(Option.none()), server(List.of("capulet.example")), HashMap.empty());
        assertThat(outcome.success().identity().username()).isEqualTo("capulet.example");
    }

    @Test
    void anAuthzidThatIsNotUtf8IsMalformed() {
        ServerStep step = server(List.of("juliet@example.com")).onAuth(Option.some(Bytes.of(new byte[] {(byte) 0xFE})));
        assertThat(((ServerStep.Failure) step).condition()).isEqualTo(SaslFailureCondition.MALFORMED_REQUEST);
    }

    @Test
    void withoutAnInitialResponseTheServerAsksForIt() {
        ServerStep.Challenge challenge = (ServerStep.Challenge) server(List.of("juliet@example.com")).onAuth(Option.none());
        assertThat(challenge.data()).isEqualTo(Bytes.empty());
        assertThat(challenge.next().onResponse(Option.none())).isInstanceOf(ServerStep.Success.class);
    }

    @Test
    void onlyOfferedOverTlsWithACertificateWhenPolicyAllows() {
        SaslServerPolicy noExternal = new SaslServerPolicy(false, false, false, SaslMechanismNames.all());
        List<String> identity = List.of("juliet@example.com");
        assertThat(SaslServers.create("EXTERNAL", SaslServerPolicy.defaults(), Option.none(), false, "n", identity, "a")).isEmpty();
        assertThat(SaslServers.create("EXTERNAL", SaslServerPolicy.defaults(), Option.none(), true, "n", List.empty(), "a")).isEmpty();
        assertThat(SaslServers.create("EXTERNAL", noExternal, Option.none(), true, "n", identity, "a")).isEmpty();
    }
}
