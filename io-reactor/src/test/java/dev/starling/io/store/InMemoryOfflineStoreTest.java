package dev.starling.io.store;

class InMemoryOfflineStoreTest extends OfflineStoreContract {

    private final OfflineStore store = new InMemoryOfflineStore();

    @Override
    OfflineStore store() {
        return store;
    }
}
