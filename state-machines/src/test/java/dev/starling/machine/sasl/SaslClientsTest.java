package dev.starling.machine.sasl;

import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static dev.starling.machine.sasl.SaslHarness.END_POINT;
import static dev.starling.machine.sasl.SaslHarness.EXPORTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's mechanism preference (RFC 6120 §6.3.3) and which clients can be created. */
class SaslClientsTest {

    static final ClientCredentials JULIET = ClientCredentials.of("juliet", "r0m30myr0m30");

    @Test
    void prefersCertificateThenChannelBindingThenTheStrongestHash() {
        assertThat(SaslClients.preferenceOrder(Option.some(EXPORTER), true, true, true)).containsExactly("EXTERNAL",
                "SCRAM-SHA-512-PLUS", "SCRAM-SHA-256-PLUS", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-512", "SCRAM-SHA-256", "SCRAM-SHA-1",
                "PLAIN", "ANONYMOUS");
        assertThat(SaslClients.preferenceOrder(Option.none(), false, false, false))
                .containsExactly("SCRAM-SHA-512", "SCRAM-SHA-256", "SCRAM-SHA-1");
    }

    @Test
    void choosesTheFirstOfferedMechanismInItsOwnOrder() {
        List<String> offered = List.of("PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-256-PLUS", "SCRAM-SHA-256");
        assertThat(SaslClients.preferenceOrder(Option.some(END_POINT), true, false, false).find(offered::contains))
                .contains("SCRAM-SHA-256-PLUS");
        assertThat(SaslClients.preferenceOrder(Option.none(), true, false, false).find(offered::contains)).contains("SCRAM-SHA-256");
    }

    @Test
    void createsEveryMechanismItKnows() {
        for (String mechanism : SaslMechanismNames.all()) {
            assertThat(SaslClients.create(mechanism, JULIET, Option.some(EXPORTER), true, "nonce").map(SaslClient::mechanism))
                    .as(mechanism).contains(mechanism);
        }
    }

    @Test
    void refusesWhatItCannotDo() {
        assertThat(SaslClients.create("SCRAM-SHA-256-PLUS", JULIET, Option.none(), true, "nonce")).isEmpty();
        assertThat(SaslClients.create("DIGEST-MD5", JULIET, Option.none(), true, "nonce")).isEmpty();
        assertThat(SaslClients.create("SCRAM-SHA-256", ClientCredentials.of("juliet", ""), Option.none(), true, "nonce")).isEmpty();
        assertThat(SaslClients.create("SCRAM-SHA-256", ClientCredentials.of("jul\u0000iet", "x"), Option.none(), true, "nonce")).isEmpty();
        assertThatThrownBy(() -> SaslClients.create("SCRAM-SHA-1", JULIET, Option.none(), false, "no,nce"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyAuthzidIsNone() {
        SaslClient client = SaslClients.create("SCRAM-SHA-1", new ClientCredentials("juliet", "x", Option.some("")), Option.none(),
                false, "nonce").get();
        assertThat(SaslHarness.text(client.initialResponse().get())).isEqualTo("n,,n=juliet,r=nonce");
    }

    @Test
    void credentialsDoNotPrintThePassword() {
        assertThat(JULIET.toString()).doesNotContain("r0m30myr0m30");
    }
}
