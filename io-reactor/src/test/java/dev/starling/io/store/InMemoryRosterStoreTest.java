package dev.starling.io.store;

class InMemoryRosterStoreTest extends RosterStoreContract {

    private final RosterStore store = new InMemoryRosterStore();

    @Override
    RosterStore store() {
        return store;
    }
}
