package dev.starling.io.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The store suite against the embedded H2 file database, the default store. */
class H2StoresTest extends JdbcStoreSuite {

    @RegisterExtension
    final JdbcStores stores = JdbcStores.h2();

    @Override
    JdbcStores stores() {
        return stores;
    }
}
