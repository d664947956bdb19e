package dev.starling.io.store;

import dev.starling.machine.roster.Roster;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every store contract against one SQL database (the subclasses pick H2 or PostgreSQL), plus
 * what only a database can promise: what was saved survives closing and reopening it, and deleting
 * an account deletes what belongs to it.
 */
abstract class JdbcStoreSuite {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** The database of the current test. */
    abstract JdbcStores stores();

    @Test
    void aRosterSurvivesReopeningTheDatabase() throws Exception {
        Roster saved = RosterStoreContract.sample();
        stores().accounts().rosters().save("juliet", saved).block(WAIT);

        assertThat(stores().reopen().rosters().load("juliet").block(WAIT)).isEqualTo(saved);
    }

    @Test
    void deletingTheAccountDeletesItsRoster() {
        JdbcAccountStore accounts = stores().accounts();
        accounts.rosters().save("juliet", RosterStoreContract.sample()).block(WAIT);
        accounts.delete("juliet").block(WAIT);
        accounts.create("juliet", PasswordHashing.derive("pw")).block(WAIT);

        assertThat(accounts.rosters().load("juliet").block(WAIT)).isEqualTo(Roster.empty());
    }

    @Nested
    class Accounts extends AccountStoreContract {
        @Override
        AccountStore accountStore() {
            return stores().accounts();
        }
    }

    @Nested
    class Rosters extends RosterStoreContract {
        @Override
        RosterStore store() {
            return stores().accounts().rosters();
        }
    }

    @Nested
    class Offline extends OfflineStoreContract {
        @Override
        OfflineStore store() {
            return stores().accounts().offline();
        }
    }

    @Nested
    class Blocklists extends BlocklistStoreContract {
        @Override
        BlocklistStore store() {
            return stores().accounts().blocklists();
        }
    }

    @Nested
    class Data extends AccountDataStoreContract {
        @Override
        AccountDataStore store() {
            return stores().accounts().data();
        }
    }
}
