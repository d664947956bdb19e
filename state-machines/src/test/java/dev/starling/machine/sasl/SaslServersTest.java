package dev.starling.machine.sasl;

import dev.starling.model.sasl.SaslFailureCondition;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static dev.starling.machine.sasl.SaslHarness.EXPORTER;
import static dev.starling.machine.sasl.SaslHarness.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the server advertises (RFC 6120 §6.4.1) and which mechanism it agrees to run (§6.4.2, §6.5). */
class SaslServersTest {

    static final SaslServerPolicy DEFAULTS = SaslServerPolicy.defaults();

    @Test
    void advertisesStrongestFirstGivenTlsBindingAndCertificate() {
        assertThat(SaslServers.advertised(DEFAULTS, true, Option.some(EXPORTER), true)).containsExactly("EXTERNAL",
                "SCRAM-SHA-512-PLUS", "SCRAM-SHA-256-PLUS", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-512", "SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");
        assertThat(SaslServers.advertised(DEFAULTS, true, Option.none(), false))
                .containsExactly("SCRAM-SHA-512", "SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");
        assertThat(SaslServers.advertised(DEFAULTS, false, Option.none(), false))
                .containsExactly("SCRAM-SHA-512", "SCRAM-SHA-256", "SCRAM-SHA-1");
    }

    @Test
    void policyAddsPlainWithoutTlsAndAnonymousAndRemovesWhatIsNotEnabled() {
        SaslServerPolicy open = new SaslServerPolicy(true, true, false, SaslMechanismNames.all());
        assertThat(SaslServers.advertised(open, false, Option.none(), true))
                .containsExactly("SCRAM-SHA-512", "SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN", "ANONYMOUS");
        SaslServerPolicy few = new SaslServerPolicy(true, true, true, List.of("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256", "ANONYMOUS"));
        assertThat(SaslServers.advertised(few, true, Option.some(EXPORTER), true))
                .containsExactly("SCRAM-SHA-256-PLUS", "SCRAM-SHA-256", "ANONYMOUS");
    }

    @Test
    void unknownAndImpossibleMechanismsAreInvalid() {
        for (String mechanism : List.of("DIGEST-MD5", "SCRAM-SHA-384", "scram-sha-1", "SCRAM-SHA-1-PLUS", "X-OAUTH2", "")) {
            assertThat(create(mechanism, DEFAULTS, Option.none())).as(mechanism).isEmpty();
        }
    }

    @Test
    void aDisabledMechanismWeakerThanAnOfferedOneIsTooWeak() {
        SaslServerPolicy strong = new SaslServerPolicy(false, false, false, List.of("SCRAM-SHA-512", "SCRAM-SHA-256"));
        for (String mechanism : List.of("SCRAM-SHA-1", "PLAIN")) {
            ServerStep step = create(mechanism, strong, Option.none()).get().onAuth(Option.some(bytes("n,,n=juliet,r=abc")));
            assertThat(((ServerStep.Failure) step).condition()).as(mechanism).isEqualTo(SaslFailureCondition.MECHANISM_TOO_WEAK);
        }
        SaslServerPolicy weak = new SaslServerPolicy(false, false, false, List.of("SCRAM-SHA-1"));
        assertThat(create("SCRAM-SHA-512", weak, Option.none())).isEmpty();
    }

    @Test
    void plusIsOfferedToScramServersOnlyWithABinding() {
        assertThat(create("SCRAM-SHA-256-PLUS", DEFAULTS, Option.some(EXPORTER)).map(SaslServer::mechanism)).contains("SCRAM-SHA-256-PLUS");
        assertThat(create("SCRAM-SHA-256-PLUS", DEFAULTS, Option.none())).isEmpty();
    }

    @Test
    void aScramServerNeedsAValidNonce() {
        for (String nonce : List.of("", "a,b", "caf\u00e9", "a b")) {
            assertThatThrownBy(() -> SaslServers.create("SCRAM-SHA-1", DEFAULTS, Option.none(), true, nonce, List.empty(), "a"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Option<SaslServer> create(String mechanism, SaslServerPolicy policy, Option<ChannelBinding> binding) {
        return SaslServers.create(mechanism, policy, binding, true, "nonce", List.empty(), "anon");
    }
}
