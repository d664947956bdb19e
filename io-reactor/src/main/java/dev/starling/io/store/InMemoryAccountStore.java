package dev.starling.io.store;

import dev.starling.machine.sasl.StoredCredentials;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;

import java.util.concurrent.ConcurrentHashMap;

/** Accounts in memory, for tests and throw-away servers; lost when the process ends. */
public final class InMemoryAccountStore implements AccountStore {

    private final ConcurrentHashMap<String, StoredCredentials> accounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Map<String, String>> details = new ConcurrentHashMap<>();
    private final RosterStore rosters = new InMemoryRosterStore();
    private final OfflineStore offline = new InMemoryOfflineStore();
    private final BlocklistStore blocklists = new InMemoryBlocklistStore();
    private final AccountDataStore data = new InMemoryAccountDataStore();

    @Override
    public AccountDataStore data() {
        return data;
    }

    @Override
    public BlocklistStore blocklists() {
        return blocklists;
    }

    @Override
    public RosterStore rosters() {
        return rosters;
    }

    @Override
    public OfflineStore offline() {
        return offline;
    }

    @Override
    public Mono<Option<StoredCredentials>> credentials(String username) {
        return Mono.fromSupplier(() -> Option.of(accounts.get(username)));
    }

    @Override
    public Mono<Boolean> create(String username, StoredCredentials credentials, Map<String, String> fields) {
        return Mono.fromSupplier(() -> {
            boolean created = accounts.putIfAbsent(username, credentials) == null;
            if (created) {
                details.put(username, fields);
            }
            return created;
        });
    }

    @Override
    public Mono<Map<String, String>> details(String username) {
        return Mono.fromSupplier(() -> details.getOrDefault(username, HashMap.empty()));
    }

    @Override
    public Mono<Boolean> update(String username, StoredCredentials credentials) {
        return Mono.fromSupplier(() -> accounts.replace(username, credentials) != null);
    }

    @Override
    public Mono<Boolean> delete(String username) {
        return Mono.fromSupplier(() -> {
            details.remove(username);
            return accounts.remove(username) != null;
        });
    }
}
