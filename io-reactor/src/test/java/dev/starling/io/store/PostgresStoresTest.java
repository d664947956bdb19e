package dev.starling.io.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The store suite against PostgreSQL, the production store (see {@link TestDatabase#postgres()}). */
class PostgresStoresTest extends JdbcStoreSuite {

    @RegisterExtension
    final JdbcStores stores = JdbcStores.postgres();

    @Override
    JdbcStores stores() {
        return stores;
    }
}
