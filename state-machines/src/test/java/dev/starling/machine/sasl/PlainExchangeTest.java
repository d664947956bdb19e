package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import dev.starling.model.sasl.SaslFailureCondition;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static dev.starling.machine.sasl.SaslHarness.account;
import static dev.starling.machine.sasl.SaslHarness.bytes;
import static dev.starling.machine.sasl.SaslHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

/** PLAIN (RFC 4616) client against server, verified against stored SCRAM credentials, and the policy around it (RFC 6120 §6.5). */
class PlainExchangeTest {

    static final Map<String, StoredCredentials> JULIET = account("juliet", "r0m30myr0m30");

    static SaslServer server(SaslServerPolicy policy, boolean tls) {
        return SaslServers.create("PLAIN", policy, Option.none(), tls, SaslHarness.SERVER_NONCE, List.empty(), "anon").get();
    }

    static SaslServer server() {
        return server(SaslServerPolicy.defaults(), true);
    }

    static SaslClient client(String username, String password) {
        return SaslClients.create("PLAIN", ClientCredentials.of(username, password), Option.none(), false, "n").get();
    }

    @Test
    void authenticatesAgainstStoredScramCredentials() {
        SaslHarness.Outcome outcome = run(client("juliet", "r0m30myr0m30"), server(), JULIET);
        assertThat(outcome.sent().head()).isEqualTo(bytes("\0juliet\0r0m30myr0m30"));
        assertThat(outcome.authenticated()).isTrue();
        assertThat(outcome.success()).isEqualTo(new ServerStep.Success(new Authenticated("juliet", Option.none()), Option.none()));
    }

    @Test
    void worksWithAnyOneStoredHash() {
        for (ScramHash hash : ScramHash.values()) {
            assertThat(run(client("juliet", "r0m30myr0m30"), server(), account("juliet", "r0m30myr0m30", hash)).authenticated())
                    .as(hash.name()).isTrue();
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAreIndistinguishable() {
        ServerStep wrongPassword = run(client("juliet", "wrong"), server(), JULIET).last();
        ServerStep unknownUser = run(client("romeo", "r0m30myr0m30"), server(), JULIET).last();
        ServerStep noCredentials = run(client("juliet", "r0m30myr0m30"), server(),
                HashMap.of("juliet", new StoredCredentials(List.empty()))).last();
        assertThat(wrongPassword).isEqualTo(new ServerStep.Failure(SaslFailureCondition.NOT_AUTHORIZED, "authentication failed"))
                .isEqualTo(unknownUser).isEqualTo(noCredentials);
    }

    @Test
    void aNameOrPasswordTheProfileRefusesIsNotAuthorized() {
        ServerStep step = server().onAuth(Option.some(bytes("\0juliet\0pass\u0007word")));
        assertThat(step).isEqualTo(new ServerStep.Failure(SaslFailureCondition.NOT_AUTHORIZED, "authentication failed"));
    }

    @Test
    void preparesWithOpaqueString() {
        SaslHarness.Outcome outcome = run(client("juliet", "r0m30\u00A0myr0m30"), server(), account("juliet", "r0m30 myr0m30"));
        assertThat(outcome.sent().head()).isEqualTo(bytes("\0juliet\0r0m30 myr0m30"));
        SaslServer server = server();
        ServerStep.LookupCredentials lookup = (ServerStep.LookupCredentials) server.onAuth(Option.some(bytes("\0juliet\0r0m30\u2000myr0m30")));
        assertThat(lookup.next().onCredentials(account("juliet", "r0m30 myr0m30").get("juliet")))
                .isInstanceOf(ServerStep.Success.class);
    }

    @Test
    void malformedMessagesAreMalformedRequests() {
        for (String message : List.of("", "juliet", "juliet\0secret", "\0\0secret", "\0juliet\0", "\0juliet\0secret\0", "a\0b\0c\0d")) {
            assertThat(server().onAuth(Option.some(bytes(message)))).as(message.replace('\0', '|'))
                    .isEqualTo(new ServerStep.Failure(SaslFailureCondition.MALFORMED_REQUEST, PlainMessage.parse(bytes(message)).getLeft()));
        }
        ServerStep notUtf8 = server().onAuth(Option.some(Bytes.of(new byte[] {0, 'a', 0, (byte) 0xC0, (byte) 0x80})));
        assertThat(((ServerStep.Failure) notUtf8).condition()).isEqualTo(SaslFailureCondition.MALFORMED_REQUEST);
    }

    @Test
    void withoutAnInitialResponseTheServerSendsAnEmptyChallenge() {
        ServerStep.Challenge challenge = (ServerStep.Challenge) server().onAuth(Option.none());
        assertThat(challenge.data()).isEqualTo(Bytes.empty());
        ServerStep.LookupCredentials lookup =
                (ServerStep.LookupCredentials) challenge.next().onResponse(Option.some(bytes("\0juliet\0r0m30myr0m30")));
        assertThat(lookup.username()).isEqualTo("juliet");
        assertThat(lookup.next().onCredentials(JULIET.get("juliet"))).isInstanceOf(ServerStep.Success.class);
        ServerStep.Challenge again = (ServerStep.Challenge) server().onAuth(Option.none());
        assertThat(((ServerStep.Failure) again.next().onResponse(Option.none())).condition())
                .isEqualTo(SaslFailureCondition.MALFORMED_REQUEST);
    }

    @Test
    void withoutTlsPlainNeedsEncryptionUnlessPolicyAllowsIt() {
        SaslServerPolicy allowing = new SaslServerPolicy(true, false, false, SaslMechanismNames.all());
        assertThat(server(SaslServerPolicy.defaults(), false).onAuth(Option.some(bytes("\0juliet\0r0m30myr0m30"))))
                .isEqualTo(new ServerStep.Failure(SaslFailureCondition.ENCRYPTION_REQUIRED, "PLAIN needs an encrypted stream"));
        assertThat(run(client("juliet", "r0m30myr0m30"), server(allowing, false), JULIET).authenticated()).isTrue();
    }

    @Test
    void aDisabledPlainIsTooWeak() {
        SaslServerPolicy scramOnly = new SaslServerPolicy(false, false, false, SaslMechanismNames.scramStrongestFirst());
        for (boolean tls : List.of(true, false)) {
            ServerStep step = server(scramOnly, tls).onAuth(Option.some(bytes("\0juliet\0r0m30myr0m30")));
            assertThat(((ServerStep.Failure) step).condition()).isEqualTo(SaslFailureCondition.MECHANISM_TOO_WEAK);
        }
    }

    @Test
    void theClientExpectsNoChallengeAndNoAdditionalData() {
        SaslClient client = client("juliet", "r0m30myr0m30");
        assertThat(client.mechanism()).isEqualTo("PLAIN");
        assertThat(client.onChallenge(Bytes.empty()).isLeft()).isTrue();
        assertThat(client.onSuccess(Option.none())).isEmpty();
        assertThat(client.onSuccess(Option.some(Bytes.empty()))).isEmpty();
        assertThat(client.onSuccess(Option.some(bytes("v=x")))).isNotEmpty();
    }

    @Test
    void theClientSendsTheAuthzid() {
        SaslClient client = SaslClients.create("PLAIN", new ClientCredentials("juliet", "secret", Option.some("juliet@example.com")),
                Option.none(), false, "n").get();
        assertThat(client.initialResponse()).contains(bytes("juliet@example.com\0juliet\0secret"));
    }

    @Test
    void theClientCannotBeCreatedWithCredentialsTheProfileRefuses() {
        assertThat(SaslClients.create("PLAIN", ClientCredentials.of("", "secret"), Option.none(), false, "n")).isEmpty();
        assertThat(SaslClients.create("PLAIN", ClientCredentials.of("juliet", ""), Option.none(), false, "n")).isEmpty();
        assertThat(SaslClients.create("PLAIN", new ClientCredentials("juliet", "secret", Option.some("a\0b")), Option.none(), false, "n"))
                .isEmpty();
    }
}
