package dev.starling.machine.sasl;

import dev.starling.model.sasl.SaslFailureCondition;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static dev.starling.machine.sasl.SaslHarness.END_POINT;
import static dev.starling.machine.sasl.SaslHarness.EXPORTER;
import static dev.starling.machine.sasl.SaslHarness.bytes;
import static dev.starling.machine.sasl.SaslHarness.run;
import static dev.starling.machine.sasl.SaslHarness.text;
import static dev.starling.machine.sasl.ScramExchangeTest.JULIET;
import static dev.starling.machine.sasl.ScramExchangeTest.client;
import static dev.starling.machine.sasl.ScramExchangeTest.firstStep;
import static dev.starling.machine.sasl.ScramExchangeTest.juliet;
import static dev.starling.machine.sasl.ScramExchangeTest.server;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SCRAM channel binding (RFC 5802 §6, RFC 5929, RFC 9266): the GS2 flag against the mechanism and
 * the offer, downgrade detection, and the binding data in the client-final-message.
 */
class ScramChannelBindingTest {

    @Test
    void yWhileTheServerOffersPlusIsADowngrade() {
        SaslClient client = client("SCRAM-SHA-256", ClientCredentials.of("juliet", "r0m30myr0m30"), Option.some(EXPORTER), false);
        assertThat(text(client.initialResponse().get())).startsWith("y,,");

        SaslHarness.Outcome downgraded = run(client, server("SCRAM-SHA-256", Option.some(EXPORTER)), JULIET);
        SaslHarness.Outcome genuine = run(client, server("SCRAM-SHA-256", Option.none()), JULIET);

        assertThat(downgraded.failure().condition()).isEqualTo(SaslFailureCondition.NOT_AUTHORIZED);
        assertThat(genuine.authenticated()).isTrue();
    }

    @Test
    void aClientWithABindingSendsNWhenTheServerOffersPlusButItChoseScramWithout() {
        SaslClient client = client("SCRAM-SHA-256", ClientCredentials.of("juliet", "r0m30myr0m30"), Option.some(EXPORTER), true);
        assertThat(text(client.initialResponse().get())).startsWith("n,,");
        assertThat(run(client, server("SCRAM-SHA-256", Option.some(EXPORTER)), JULIET).authenticated()).isTrue();
    }

    @Test
    void aBindingTypeTheServerDoesNotHaveFails() {
        SaslHarness.Outcome outcome = run(juliet("SCRAM-SHA-256-PLUS", Option.some(END_POINT)),
                server("SCRAM-SHA-256-PLUS", Option.some(EXPORTER)), JULIET);
        assertThat(outcome.failure().condition()).isEqualTo(SaslFailureCondition.NOT_AUTHORIZED);
        assertThat(outcome.failure().text()).contains("tls-server-end-point");
    }

    @Test
    void bindingDataOfAnotherConnectionFails() {
        ChannelBinding attackers = ChannelBinding.tlsExporter(bytes("the attacker's own TLS connection"));
        SaslHarness.Outcome outcome = run(juliet("SCRAM-SHA-512-PLUS", Option.some(attackers)),
                server("SCRAM-SHA-512-PLUS", Option.some(EXPORTER)), JULIET);
        assertThat(outcome.failure()).isEqualTo(new ServerStep.Failure(SaslFailureCondition.NOT_AUTHORIZED,
                "the channel binding data does not match"));
    }

    @Test
    void aCbindValueWithoutTheBindingDataFails() {
        SaslHarness.Outcome outcome = run(juliet("SCRAM-SHA-1-PLUS", Option.some(EXPORTER)), server("SCRAM-SHA-1-PLUS", Option.some(EXPORTER)),
                JULIET, SaslHarness.rewriteClient((index, message) -> index == 1
                        ? message.replaceFirst("^c=[^,]*", "c=" + Encodings.base64(bytes("p=tls-exporter,,").toArray()))
                        : message));
        assertThat(outcome.failure().condition()).isEqualTo(SaslFailureCondition.NOT_AUTHORIZED);
    }

    @Test
    void gs2FlagsThatContradictTheMechanismAreMalformed() {
        assertThat(firstStep("SCRAM-SHA-256-PLUS", Option.some(EXPORTER), "n,,n=juliet,r=abc")).isEqualTo(SaslFailureCondition.MALFORMED_REQUEST);
        assertThat(firstStep("SCRAM-SHA-256-PLUS", Option.some(EXPORTER), "y,,n=juliet,r=abc")).isEqualTo(SaslFailureCondition.MALFORMED_REQUEST);
        assertThat(firstStep("SCRAM-SHA-256", Option.some(EXPORTER), "p=tls-exporter,,n=juliet,r=abc"))
                .isEqualTo(SaslFailureCondition.MALFORMED_REQUEST);
    }
}
