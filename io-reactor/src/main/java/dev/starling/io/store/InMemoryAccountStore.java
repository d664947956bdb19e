package dev.starling.io.store;

import dev.starling.machine.sasl.StoredCredentials;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;

import java.util.concurrent.ConcurrentHashMap;

/** Accounts in memory, for tests and throw-away servers; lost when the process ends. */
public final class InMemoryAccountStore implements AccountStore {

    private final ConcurrentHashMap<String, StoredCredentials> accounts = new ConcurrentHashMap<>();

    @Override
    public Mono<Option<StoredCredentials>> credentials(String username) {
        return Mono.fromSupplier(() -> Option.of(accounts.get(username)));
    }

    @Override
    public Mono<Boolean> create(String username, StoredCredentials credentials) {
        return Mono.fromSupplier(() -> accounts.putIfAbsent(username, credentials) == null);
    }

    @Override
    public Mono<Boolean> update(String username, StoredCredentials credentials) {
        return Mono.fromSupplier(() -> accounts.replace(username, credentials) != null);
    }

    @Override
    public Mono<Boolean> delete(String username) {
        return Mono.fromSupplier(() -> accounts.remove(username) != null);
    }
}
