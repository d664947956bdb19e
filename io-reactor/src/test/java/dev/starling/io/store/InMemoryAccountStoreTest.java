package dev.starling.io.store;

class InMemoryAccountStoreTest extends AccountStoreContract {

    private final AccountStore store = new InMemoryAccountStore();

    @Override
    AccountStore accountStore() {
        return store;
    }
}
