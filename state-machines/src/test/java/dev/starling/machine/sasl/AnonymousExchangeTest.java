package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import dev.starling.model.sasl.SaslFailureCondition;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static dev.starling.machine.sasl.SaslHarness.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/** ANONYMOUS (RFC 4505, XEP-0175): any trace is accepted and the caller's generated name is handed out. */
class AnonymousExchangeTest {

    static final SaslServerPolicy ALLOWING = new SaslServerPolicy(false, true, false, SaslMechanismNames.all());

    static SaslServer server() {
        return SaslServers.create("ANONYMOUS", ALLOWING, Option.none(), true, "n", List.empty(), "a1b2c3").get();
    }

    @Test
    void theClientAndServerAgree() {
        SaslClient client = SaslClients.create("ANONYMOUS", ClientCredentials.none(), Option.none(), false, "n").get();
        SaslHarness.Outcome outcome = SaslHarness.run(client, server(), HashMap.empty());
        assertThat(outcome.authenticated()).isTrue();
        assertThat(outcome.success()).isEqualTo(new ServerStep.Success(new Authenticated("a1b2c3", Option.none()), Option.none()));
    }

    @Test
    void anyTraceOrNoneIsAccepted() {
        for (Option<Bytes> trace : List.of(Option.<Bytes>none(), Option.some(Bytes.empty()), Option.some(bytes("sirhc@example.com")),
                Option.some(Bytes.of(new byte[] {(byte) 0xFF, 0, 1})))) {
            assertThat(server().onAuth(trace)).isInstanceOf(ServerStep.Success.class);
        }
    }

    @Test
    void notOfferedUnlessPolicyAllows() {
        assertThat(SaslServers.create("ANONYMOUS", SaslServerPolicy.defaults(), Option.none(), true, "n", List.empty(), "a")).isEmpty();
    }

    @Test
    void abortAndUnexpectedInput() {
        assertThat(server().onAbort()).isEqualTo(new ServerStep.Failure(SaslFailureCondition.ABORTED, "the client aborted the exchange"));
        assertThat(((ServerStep.Failure) server().onResponse(Option.none())).condition()).isEqualTo(SaslFailureCondition.MALFORMED_REQUEST);
    }
}
