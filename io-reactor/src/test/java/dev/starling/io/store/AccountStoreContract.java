package dev.starling.io.store;

import dev.starling.machine.sasl.StoredCredentials;
import io.vavr.collection.LinkedHashMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link AccountStore} must do, run against each implementation: credentials come back
 * as stored (every SCRAM hash, salt, iteration count and key), a taken username is refused without
 * touching the account, registration details are kept, a password change replaces every key, and
 * a deleted account is gone and its name free again.
 */
abstract class AccountStoreContract {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** The store under test; it has no account named {@code romeo}. */
    abstract AccountStore accountStore();

    private Option<StoredCredentials> credentials(String username) {
        return accountStore().credentials(username).block(WAIT);
    }

    @Test
    void anUnknownAccountHasNoCredentials() {
        assertThat(credentials("romeo").isEmpty()).isTrue();
    }

    @Test
    void createdCredentialsComeBackAsStored() {
        StoredCredentials stored = PasswordHashing.derive("wherefore");
        assertThat(accountStore().create("romeo", stored).block(WAIT)).isTrue();

        assertThat(credentials("romeo").get().scram().toSet()).isEqualTo(stored.scram().toSet());
    }

    @Test
    void aTakenUsernameIsRefusedAndTheAccountKept() {
        StoredCredentials first = PasswordHashing.derive("first");
        accountStore().create("romeo", first).block(WAIT);

        assertThat(accountStore().create("romeo", PasswordHashing.derive("second")).block(WAIT)).isFalse();
        assertThat(credentials("romeo").get().scram().toSet()).isEqualTo(first.scram().toSet());
    }

    @Test
    void registrationDetailsAreKept() {
        accountStore().create("romeo", PasswordHashing.derive("pw"),
                LinkedHashMap.of("email", "romeo@example.net", "name", "Romeo Montague")).block(WAIT);

        assertThat(accountStore().details("romeo").block(WAIT).toJavaMap())
                .containsEntry("email", "romeo@example.net").containsEntry("name", "Romeo Montague").hasSize(2);
        assertThat(accountStore().details("nobody").block(WAIT).isEmpty()).isTrue();
    }

    @Test
    void aPasswordChangeReplacesEveryKey() {
        accountStore().create("romeo", PasswordHashing.derive("old")).block(WAIT);
        StoredCredentials changed = PasswordHashing.derive("new");

        assertThat(accountStore().update("romeo", changed).block(WAIT)).isTrue();
        assertThat(credentials("romeo").get().scram().toSet()).isEqualTo(changed.scram().toSet());
        assertThat(accountStore().update("nobody", changed).block(WAIT)).isFalse();
        assertThat(credentials("nobody").isEmpty()).isTrue();
    }

    @Test
    void aDeletedAccountIsGoneAndItsNameFree() {
        accountStore().create("romeo", PasswordHashing.derive("pw")).block(WAIT);

        assertThat(accountStore().delete("romeo").block(WAIT)).isTrue();
        assertThat(credentials("romeo").isEmpty()).isTrue();
        assertThat(accountStore().delete("romeo").block(WAIT)).isFalse();
        assertThat(accountStore().create("romeo", PasswordHashing.derive("again")).block(WAIT)).isTrue();
    }
}
