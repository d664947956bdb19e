package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

import static dev.starling.machine.sasl.SaslHarness.SALT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deriving what a server stores (RFC 5802 §3), as account creation does. */
class ScramCredentialsFactoryTest {

    @Test
    void derivesOneSetPerHashWithKeysOfTheHashLength() {
        StoredCredentials stored = ScramCredentialsFactory.deriveAll("secret", SALT, 4096);
        assertThat(stored.scram().map(ScramCredentials::hash)).containsExactly(ScramHash.SHA_512, ScramHash.SHA_256, ScramHash.SHA_1);
        for (ScramCredentials credentials : stored.scram()) {
            assertThat(credentials.storedKey().length()).isEqualTo(credentials.hash().keyLength());
            assertThat(credentials.serverKey().length()).isEqualTo(credentials.hash().keyLength());
        }
        assertThat(stored.strongest().map(ScramCredentials::hash)).contains(ScramHash.SHA_512);
    }

    @Test
    void passwordsThatPrepareAlikeGiveTheSameKeys() {
        assertThat(ScramCredentialsFactory.derive(ScramHash.SHA_256, "a\u00A0b", SALT, 4096))
                .isEqualTo(ScramCredentialsFactory.derive(ScramHash.SHA_256, "a b", SALT, 4096));
    }

    @Test
    void refusesWhatWouldBeWeakOrUnusable() {
        assertThatThrownBy(() -> ScramCredentialsFactory.derive(ScramHash.SHA_1, "secret", SALT, 4095))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScramCredentialsFactory.derive(ScramHash.SHA_1, "secret", Bytes.empty(), 4096))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScramCredentialsFactory.derive(ScramHash.SHA_1, "", SALT, 4096))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedCredentialsHoldAtMostOneSetPerHash() {
        ScramCredentials one = ScramCredentialsFactory.derive(ScramHash.SHA_1, "secret", SALT, 4096);
        assertThatThrownBy(() -> new StoredCredentials(List.of(one, one))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScramCredentials(ScramHash.SHA_256, SALT, 4096, one.storedKey(), one.serverKey()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mechanismNamesMapToHashes() {
        assertThat(ScramHash.ofMechanism("SCRAM-SHA-512-PLUS")).contains(ScramHash.SHA_512);
        assertThat(ScramHash.ofMechanism("SCRAM-SHA-1")).contains(ScramHash.SHA_1);
        assertThat(ScramHash.ofMechanism("SCRAM-SHA-224")).isEmpty();
        assertThat(ScramHash.ofMechanism("PLAIN-PLUS")).isEmpty();
    }
}
