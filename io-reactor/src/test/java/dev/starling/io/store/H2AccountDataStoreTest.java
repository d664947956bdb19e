package dev.starling.io.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The contract against the H2 file store. */
class H2AccountDataStoreTest extends AccountDataStoreContract {

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
    AccountDataStore store() {
        return accounts.data();
    }
}
