package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import dev.starling.model.sasl.SaslFailureCondition;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.starling.machine.sasl.SaslHarness.CLIENT_NONCE;
import static dev.starling.machine.sasl.SaslHarness.END_POINT;
import static dev.starling.machine.sasl.SaslHarness.EXPORTER;
import static dev.starling.machine.sasl.SaslHarness.SERVER_NONCE;
import static dev.starling.machine.sasl.SaslHarness.account;
import static dev.starling.machine.sasl.SaslHarness.bytes;
import static dev.starling.machine.sasl.SaslHarness.run;
import static dev.starling.machine.sasl.SaslHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

/** SCRAM client against SCRAM server (RFC 5802, RFC 7677), with and without channel binding, and every way it must fail. */
class ScramExchangeTest {

    static final Map<String, StoredCredentials> JULIET = account("juliet", "r0m30myr0m30");

    static Stream<Arguments> everyScramMechanism() {
        return ScramHash.strongestFirst().toJavaStream().flatMap(hash -> Stream.of(
                Arguments.of(hash.mechanismName(), Option.none()),
                Arguments.of(hash.plusMechanismName(), Option.some(EXPORTER)),
                Arguments.of(hash.plusMechanismName(), Option.some(END_POINT))));
    }

    static SaslServer server(String mechanism, Option<ChannelBinding> binding) {
        return SaslServers.create(mechanism, SaslServerPolicy.defaults(), binding, true, SERVER_NONCE, List.empty(), "anon").get();
    }

    static SaslClient client(String mechanism, ClientCredentials credentials, Option<ChannelBinding> binding, boolean serverOffersPlus) {
        return SaslClients.create(mechanism, credentials, binding, serverOffersPlus, CLIENT_NONCE).get();
    }

    static SaslClient juliet(String mechanism, Option<ChannelBinding> binding) {
        return client(mechanism, ClientCredentials.of("juliet", "r0m30myr0m30"), binding, binding.isDefined());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyScramMechanism")
    void authenticatesAndVerifiesTheServer(String mechanism, Option<ChannelBinding> binding) {
        SaslHarness.Outcome outcome = run(juliet(mechanism, binding), server(mechanism, binding), JULIET);

        assertThat(outcome.authenticated()).isTrue();
        assertThat(outcome.success().identity()).isEqualTo(new Authenticated("juliet", Option.none()));
        assertThat(text(outcome.success().additionalData().get())).startsWith("v=");
        String expectedHeader = binding.map(b -> "p=" + b.type() + ",,").getOrElse("n,,");
        assertThat(text(outcome.sent().head())).isEqualTo(expectedHeader + "n=juliet,r=" + CLIENT_NONCE);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyScramMechanism")
    void aWrongPasswordAndAnUnknownUserFailAlikeAtTheProof(String mechanism, Option<ChannelBinding> binding) {
        SaslHarness.Outcome wrongPassword = run(client(mechanism, ClientCredentials.of("juliet", "wrong"), binding, true),
                server(mechanism, binding), JULIET);
        SaslHarness.Outcome unknownUser = run(client(mechanism, ClientCredentials.of("romeo", "r0m30myr0m30"), binding, true),
                server(mechanism, binding), JULIET);

        assertThat(wrongPassword.last()).isEqualTo(new ServerStep.Failure(SaslFailureCondition.NOT_AUTHORIZED, "authentication failed"));
        assertThat(unknownUser.last()).isEqualTo(wrongPassword.last());
        assertThat(unknownUser.sent().size()).isEqualTo(wrongPassword.sent().size()).isEqualTo(2);
    }

    @Test
    void anUnknownUserGetsTheSameSaltOnEveryAttempt() {
        String first = serverFirstFor("romeo", "SCRAM-SHA-256", SERVER_NONCE);
        String second = serverFirstFor("romeo", "SCRAM-SHA-256", "anotherNonce");
        assertThat(first.substring(first.indexOf(",s="))).isEqualTo(second.substring(second.indexOf(",s=")))
                .endsWith(",i=4096");
    }

    private static String serverFirstFor(String username, String mechanism, String serverNonce) {
        SaslServer server = SaslServers.create(mechanism, SaslServerPolicy.defaults(), Option.none(), true, serverNonce,
                List.empty(), "anon").get();
        ServerStep.LookupCredentials lookup =
                (ServerStep.LookupCredentials) server.onAuth(Option.some(bytes("n,,n=" + username + ",r=abc")));
        return text(((ServerStep.Challenge) lookup.next().onCredentials(Option.none())).data());
    }

    @Test
    void anAccountWithoutTheSelectedHashCannotAuthenticateWithIt() {
        SaslHarness.Outcome outcome = run(juliet("SCRAM-SHA-512", Option.none()), server("SCRAM-SHA-512", Option.none()),
                account("juliet", "r0m30myr0m30", ScramHash.SHA_1));
        assertThat(outcome.failure().condition()).isEqualTo(SaslFailureCondition.NOT_AUTHORIZED);
    }

    @Test
    void escapesCommaAndEqualsInTheUserName() {
        SaslHarness.Outcome outcome = run(client("SCRAM-SHA-256", ClientCredentials.of("a,b=c", "secret"), Option.none(), false),
                server("SCRAM-SHA-256", Option.none()), account("a,b=c", "secret"));

        assertThat(text(outcome.sent().head())).isEqualTo("n,,n=a=2Cb=3Dc,r=" + CLIENT_NONCE);
        assertThat(outcome.success().identity().username()).isEqualTo("a,b=c");
    }

    @Test
    void preparesUserNameAndPasswordWithOpaqueString() {
        // U+00A0 and U+2003 are non-ASCII spaces: OpaqueString maps them to U+0020 (RFC 8265 §4.2.1)
        SaslHarness.Outcome outcome = run(client("SCRAM-SHA-256", ClientCredentials.of("ju\u00A0liet", "pass\u2003word"), Option.none(), false),
                server("SCRAM-SHA-256", Option.none()), account("ju liet", "pass word"));
        assertThat(outcome.success().identity().username()).isEqualTo("ju liet");
    }

    @Test
    void theServerMayAskForTheClientFirstMessageWithAnEmptyChallenge() {
        SaslClient client = juliet("SCRAM-SHA-1", Option.none());
        ServerStep.Challenge empty = (ServerStep.Challenge) server("SCRAM-SHA-1", Option.none()).onAuth(Option.none());
        assertThat(empty.data()).isEqualTo(Bytes.empty());

        ServerStep lookup = empty.next().onResponse(client.initialResponse());
        assertThat(lookup).isInstanceOf(ServerStep.LookupCredentials.class);
        assertThat(((ServerStep.LookupCredentials) lookup).next().onAuth(client.initialResponse()).getClass())
                .isEqualTo(ServerStep.Failure.class);
    }

    @Test
    void acceptsTheServerSignatureInAFinalChallenge() {
        SaslClient client = juliet("SCRAM-SHA-256", Option.none());
        ServerStep.LookupCredentials lookup = (ServerStep.LookupCredentials) server("SCRAM-SHA-256", Option.none())
                .onAuth(client.initialResponse());
        ServerStep.Challenge serverFirst = (ServerStep.Challenge) lookup.next().onCredentials(JULIET.get("juliet"));
        ClientStep clientFinal = client.onChallenge(serverFirst.data()).get();
        ServerStep.Success success = (ServerStep.Success) serverFirst.next().onResponse(Option.some(clientFinal.response()));
        Bytes serverFinal = success.additionalData().get();

        ClientStep last = clientFinal.next().onChallenge(serverFinal).get();
        assertThat(last.response()).isEqualTo(Bytes.empty());
        assertThat(last.next().onSuccess(Option.none())).isEmpty();
        assertThat(last.next().onSuccess(Option.some(serverFinal))).isEmpty();
        assertThat(last.next().onSuccess(Option.some(bytes("v=AAAA")))).isNotEmpty();
        assertThat(last.next().onChallenge(serverFinal).isLeft()).isTrue();
    }

    @Test
    void theClientRefusesFewerThan4096Iterations() {
        SaslHarness.Outcome outcome = run(juliet("SCRAM-SHA-256", Option.none()), server("SCRAM-SHA-256", Option.none()), JULIET,
                SaslHarness.rewriteServer((index, message) -> message.replace(",i=4096", ",i=4095")));
        assertThat(outcome.clientError().get().reason()).contains("4095");
        assertThat(outcome.failure().condition()).isEqualTo(SaslFailureCondition.ABORTED);
    }

    @Test
    void theClientRefusesANonceThatDoesNotExtendItsOwn() {
        SaslHarness.Outcome otherNonce = run(juliet("SCRAM-SHA-1", Option.none()), server("SCRAM-SHA-1", Option.none()), JULIET,
                SaslHarness.rewriteServer((index, message) -> message.replace("r=clientNonce", "r=Xlientnonce")));
        SaslHarness.Outcome noServerPart = run(juliet("SCRAM-SHA-1", Option.none()), server("SCRAM-SHA-1", Option.none()), JULIET,
                SaslHarness.rewriteServer((index, message) -> message.replace(SERVER_NONCE, "")));
        assertThat(otherNonce.clientError().get().reason()).contains("nonce");
        assertThat(noServerPart.clientError().get().reason()).contains("nonce");
    }

    @Test
    void theClientRefusesAWrongServerSignature() {
        SaslHarness.Outcome outcome = run(juliet("SCRAM-SHA-256", Option.none()), server("SCRAM-SHA-256", Option.none()),
                account("juliet", "r0m30myr0m30"), SaslHarness.rewriteServer((index, message) ->
                        index == 1 ? "v=" + Encodings.base64(new byte[32]) : message));
        assertThat(outcome.last()).isInstanceOf(ServerStep.Success.class);
        assertThat(outcome.clientError().get().reason()).contains("server signature");
    }

    @Test
    void theClientReportsServerErrorsAndIncompleteSuccess() {
        SaslClient client = juliet("SCRAM-SHA-256", Option.none());
        assertThat(client.onChallenge(bytes("e=unknown-user")).getLeft().reason()).contains("unknown-user");
        assertThat(client.onChallenge(bytes("r=" + CLIENT_NONCE + "x,s=,i=4096")).isLeft()).isTrue();
        assertThat(client.onChallenge(Bytes.of(new byte[] {(byte) 0xC3})).isLeft()).isTrue();

        ClientStep step = client.onChallenge(bytes("r=" + CLIENT_NONCE + "x,s=c2FsdA==,i=4096")).get();
        assertThat(step.next().onSuccess(Option.some(bytes("e=invalid-proof"))).get().reason()).contains("invalid-proof");
        assertThat(step.next().onSuccess(Option.none())).isNotEmpty();
        assertThat(step.next().onSuccess(Option.some(bytes("v=not base64")))).isNotEmpty();
        assertThat(step.next().onChallenge(bytes("e=other-error")).isLeft()).isTrue();
    }

    @Test
    void theClientRefusesAMandatoryExtension() {
        assertThat(juliet("SCRAM-SHA-1", Option.none()).onChallenge(bytes("m=ext,r=" + CLIENT_NONCE + "x,s=c2FsdA==,i=4096"))
                .getLeft().reason()).contains("m=");
    }

    @Test
    void unparsableClientFirstMessagesAreMalformed() {
        for (String message : List.of("", "hello", "n,", "x,,n=juliet,r=abc", "p=,,n=juliet,r=abc", "n,b=x,n=juliet,r=abc",
                "n,a=,n=juliet,r=abc", "n,,r=abc", "n,,n=juliet", "n,,n=,r=abc", "n,,n=ju=liet,r=abc", "n,,n=juliet,r=",
                "n,,n=juliet,r=a\u00e9", "n,,m=ext,n=juliet,r=abc", "n,,n=juliet,r=abc,", "n,,n=juliet,r=abc,1=x")) {
            assertThat(firstStep("SCRAM-SHA-256", Option.none(), message)).as(message).isEqualTo(SaslFailureCondition.MALFORMED_REQUEST);
        }
        ServerStep notUtf8 = server("SCRAM-SHA-256", Option.none()).onAuth(Option.some(Bytes.of(new byte[] {'n', ',', ',', (byte) 0xFF})));
        assertThat(((ServerStep.Failure) notUtf8).condition()).isEqualTo(SaslFailureCondition.MALFORMED_REQUEST);
    }

    @Test
    void extensionsAfterTheNonceAreIgnored() {
        assertThat(server("SCRAM-SHA-256", Option.none()).onAuth(Option.some(bytes("n,,n=juliet,r=abc,x=ext"))))
                .isInstanceOf(ServerStep.LookupCredentials.class);
    }

    static SaslFailureCondition firstStep(String mechanism, Option<ChannelBinding> binding, String clientFirst) {
        return ((ServerStep.Failure) server(mechanism, binding).onAuth(Option.some(bytes(clientFirst)))).condition();
    }

    @Test
    void unparsableClientFinalMessagesAreMalformed() {
        for (String rewrite : List.of("c=biws,r=x", "garbage", "c=biws,p=AAAA", "c=b!ws,r=" + CLIENT_NONCE + SERVER_NONCE + ",p=AAAA",
                "c=biws,r=" + CLIENT_NONCE + SERVER_NONCE + ",p=AAA", "c=biws,r=" + CLIENT_NONCE + SERVER_NONCE + ",p=AB==")) {
            SaslHarness.Outcome outcome = run(juliet("SCRAM-SHA-1", Option.none()), server("SCRAM-SHA-1", Option.none()), JULIET,
                    SaslHarness.rewriteClient((index, message) -> index == 1 ? rewrite : message));
            assertThat(outcome.failure().condition()).as(rewrite).isEqualTo(SaslFailureCondition.MALFORMED_REQUEST);
        }
    }

    @Test
    void aNonCanonicalProofEncodingIsRefused() {
        // "AB==" and "AA==" decode to the same byte with a lenient decoder; only the canonical form is accepted
        assertThat(Encodings.decodeBase64("AA==")).isNotEmpty();
        assertThat(Encodings.decodeBase64("AB==")).isEmpty();
        assertThat(Encodings.decodeBase64("AA")).isEmpty();
    }

    @Test
    void aChangedNonceInTheClientFinalMessageFails() {
        SaslHarness.Outcome outcome = run(juliet("SCRAM-SHA-1", Option.none()), server("SCRAM-SHA-1", Option.none()), JULIET,
                SaslHarness.rewriteClient((index, message) -> index == 1 ? message.replace(SERVER_NONCE, "serverNonce#$%X") : message));
        assertThat(outcome.failure()).isEqualTo(new ServerStep.Failure(SaslFailureCondition.NOT_AUTHORIZED, "the nonce does not match"));
    }

    @Test
    void aProofOfTheWrongLengthFails() {
        SaslHarness.Outcome outcome = run(juliet("SCRAM-SHA-256", Option.none()), server("SCRAM-SHA-256", Option.none()), JULIET,
                SaslHarness.rewriteClient((index, message) -> index == 1
                        ? message.substring(0, message.indexOf(",p=")) + ",p=" + Encodings.base64(new byte[20]) : message));
        assertThat(outcome.failure().condition()).isEqualTo(SaslFailureCondition.NOT_AUTHORIZED);
    }

    @ParameterizedTest
    @EnumSource(ScramHash.class)
    void abortEndsTheExchangeInEveryState(ScramHash hash) {
        SaslServer start = server(hash.mechanismName(), Option.none());
        ServerStep.LookupCredentials lookup = (ServerStep.LookupCredentials) start.onAuth(juliet(hash.mechanismName(), Option.none()).initialResponse());
        ServerStep.Challenge challenge = (ServerStep.Challenge) lookup.next().onCredentials(JULIET.get("juliet"));
        for (SaslServer state : List.of(start, lookup.next(), challenge.next())) {
            assertThat(state.onAbort()).isEqualTo(new ServerStep.Failure(SaslFailureCondition.ABORTED, "the client aborted the exchange"));
        }
    }

    @Test
    void inputsAStateDoesNotExpectFail() {
        SaslServer start = server("SCRAM-SHA-256", Option.none());
        ServerStep.LookupCredentials lookup = (ServerStep.LookupCredentials) start.onAuth(Option.some(bytes("n,,n=juliet,r=abc")));
        ServerStep.Challenge challenge = (ServerStep.Challenge) lookup.next().onCredentials(JULIET.get("juliet"));

        assertThat(condition(start.onResponse(Option.some(bytes("c=biws"))))).isEqualTo(SaslFailureCondition.MALFORMED_REQUEST);
        assertThat(condition(start.onCredentials(JULIET.get("juliet")))).isEqualTo(SaslFailureCondition.TEMPORARY_AUTH_FAILURE);
        assertThat(condition(lookup.next().onResponse(Option.none()))).isEqualTo(SaslFailureCondition.MALFORMED_REQUEST);
        assertThat(condition(challenge.next().onAuth(Option.none()))).isEqualTo(SaslFailureCondition.MALFORMED_REQUEST);
        assertThat(condition(challenge.next().onCredentials(Option.none()))).isEqualTo(SaslFailureCondition.TEMPORARY_AUTH_FAILURE);
        assertThat(condition(challenge.next().onResponse(Option.none()))).isEqualTo(SaslFailureCondition.MALFORMED_REQUEST);
    }

    static SaslFailureCondition condition(ServerStep step) {
        return ((ServerStep.Failure) step).condition();
    }
}
