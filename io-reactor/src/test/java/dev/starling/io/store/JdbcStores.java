package dev.starling.io.store;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A JUnit extension that gives each test a fresh {@link JdbcAccountStore} with the account
 * {@code juliet} created, on H2 (a temporary directory) or on PostgreSQL (a schema of its own, see
 * {@link TestDatabase#postgres()}), and drops it afterwards; {@link #reopen()} closes and reopens
 * the same database, for durability checks.
 */
final class JdbcStores implements BeforeEachCallback, AfterEachCallback {

    private final Function<Path, TestDatabase> databases;
    private Path directory;
    private TestDatabase database;
    private JdbcAccountStore accounts;

    private JdbcStores(Function<Path, TestDatabase> databases) {
        this.databases = databases;
    }

    /** Stores in an H2 file. */
    static JdbcStores h2() {
        return new JdbcStores(TestDatabase::h2);
    }

    /** Stores in the test PostgreSQL. */
    static JdbcStores postgres() {
        return new JdbcStores(directory -> TestDatabase.postgres());
    }

    /** The open store. */
    JdbcAccountStore accounts() {
        return accounts;
    }

    /** Closes the store and opens the same database again, as a restarted server would. */
    JdbcAccountStore reopen() throws Exception {
        accounts.close();
        accounts = database.open();
        return accounts;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("starling-store");
        database = databases.apply(directory);
        accounts = database.open();
        accounts.create("juliet", PasswordHashing.derive("pw")).block();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (accounts != null) {
            accounts.close();
        }
        if (database != null) {
            database.close();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
