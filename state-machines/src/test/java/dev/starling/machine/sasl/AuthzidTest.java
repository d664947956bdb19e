package dev.starling.machine.sasl;

import dev.starling.model.sasl.SaslFailureCondition;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.starling.machine.sasl.SaslHarness.CLIENT_NONCE;
import static dev.starling.machine.sasl.SaslHarness.SERVER_NONCE;
import static dev.starling.machine.sasl.SaslHarness.account;
import static dev.starling.machine.sasl.SaslHarness.run;
import static dev.starling.machine.sasl.SaslHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The authorization identity with PLAIN and SCRAM (RFC 6120 §6.3.8, §6.4.6): a user may act only as its own bare JID. */
class AuthzidTest {

    static final Map<String, StoredCredentials> JULIET = account("juliet", "r0m30myr0m30");

    static SaslHarness.Outcome attempt(String mechanism, String authzid, Option<String> serviceDomain) {
        SaslClient client = SaslClients.create(mechanism, new ClientCredentials("juliet", "r0m30myr0m30", Option.some(authzid)),
                Option.none(), false, CLIENT_NONCE).get();
        SaslServer server = SaslServers.create(mechanism, SaslServerPolicy.defaults(), Option.none(), true, SERVER_NONCE,
                List.empty(), "anon", serviceDomain).get();
        return run(client, server, JULIET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-256", "SCRAM-SHA-512"})
    void theUsersOwnBareJidIsAcceptedInCanonicalForm(String mechanism) {
        SaslHarness.Outcome outcome = attempt(mechanism, "Juliet@Example.COM", Option.some("example.com"));
        assertThat(outcome.authenticated()).isTrue();
        assertThat(outcome.success().identity()).isEqualTo(new Authenticated("juliet", Option.some("juliet@example.com")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-256", "SCRAM-SHA-512"})
    void anyOtherIdentityIsInvalid(String mechanism) {
        for (String authzid : List.of("romeo@example.com", "juliet@example.com/balcony", "example.com", "juliet@", "@@", "a,b=c@x")) {
            assertThat(attempt(mechanism, authzid, Option.none()).failure().condition()).as(authzid)
                    .isEqualTo(SaslFailureCondition.INVALID_AUTHZID);
        }
        assertThat(attempt(mechanism, "juliet@example.net", Option.some("example.com")).failure().condition())
                .isEqualTo(SaslFailureCondition.INVALID_AUTHZID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "SCRAM-SHA-256"})
    void withoutAServiceDomainAnyDomainIsAccepted(String mechanism) {
        assertThat(attempt(mechanism, "juliet@example.net", Option.none()).authenticated()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "SCRAM-SHA-256"})
    void theAuthzidIsCheckedOnlyAfterThePassword(String mechanism) {
        SaslClient client = SaslClients.create(mechanism, new ClientCredentials("juliet", "wrong", Option.some("romeo@example.com")),
                Option.none(), false, CLIENT_NONCE).get();
        SaslServer server = SaslServers.create(mechanism, SaslServerPolicy.defaults(), Option.none(), true, SERVER_NONCE,
                List.empty(), "anon").get();
        assertThat(run(client, server, JULIET).failure().condition()).isEqualTo(SaslFailureCondition.NOT_AUTHORIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCRAM-SHA-1", "SCRAM-SHA-256-PLUS"})
    void scramEscapesTheAuthzidInTheGs2Header(String mechanism) {
        SaslClient client = SaslClients.create(mechanism, new ClientCredentials("juliet", "x", Option.some("a,b=c")),
                Option.some(SaslHarness.EXPORTER), true, CLIENT_NONCE).get();
        assertThat(text(client.initialResponse().get())).contains(",a=a=2Cb=3Dc,n=juliet,");
    }
}
