package dev.starling.io.store;

class InMemoryAccountDataStoreTest extends AccountDataStoreContract {

    private final AccountDataStore store = new InMemoryAccountDataStore();

    @Override
    AccountDataStore store() {
        return store;
    }
}
