package dev.starling.io.store;

class InMemoryBlocklistStoreTest extends BlocklistStoreContract {

    private final BlocklistStore store = new InMemoryBlocklistStore();

    @Override
    BlocklistStore store() {
        return store;
    }
}
