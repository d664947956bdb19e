package dev.starling.io.store;

import dev.starling.machine.roster.Roster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract against the H2 file store, plus durability across a reopen and the cascade from a deleted account. */
class H2RosterStoreTest extends RosterStoreContract {

    @TempDir
    Path directory;
    private H2AccountStore accounts;

    @BeforeEach
    void open() {
        accounts = H2AccountStore.open(directory);
        accounts.create("juliet", PasswordHashing.derive("pw")).block();
    }

    @AfterEach
    void close() throws Exception {
        accounts.close();
    }

    @Override
    RosterStore store() {
        return accounts.rosters();
    }

    @Test
    void aRosterSurvivesReopeningTheDatabase() throws Exception {
        Roster saved = sample();
        store().save("juliet", saved).block(Duration.ofSeconds(10));
        accounts.close();

        accounts = H2AccountStore.open(directory);
        assertThat(accounts.rosters().load("juliet").block(Duration.ofSeconds(10))).isEqualTo(saved);
    }

    @Test
    void deletingTheAccountDeletesItsRoster() {
        store().save("juliet", sample()).block(Duration.ofSeconds(10));
        accounts.delete("juliet").block(Duration.ofSeconds(10));
        accounts.create("juliet", PasswordHashing.derive("pw")).block();

        assertThat(store().load("juliet").block(Duration.ofSeconds(10))).isEqualTo(Roster.empty());
    }
}
