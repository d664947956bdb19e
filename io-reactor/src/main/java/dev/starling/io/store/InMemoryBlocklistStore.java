package dev.starling.io.store;

import dev.starling.machine.blocking.Blocklist;
import reactor.core.publisher.Mono;

import java.util.concurrent.ConcurrentHashMap;

/** Blocklists in memory, for tests and throw-away servers; lost when the process ends. */
public final class InMemoryBlocklistStore implements BlocklistStore {

    private final ConcurrentHashMap<String, Blocklist> blocklists = new ConcurrentHashMap<>();

    @Override
    public Mono<Blocklist> load(String username) {
        return Mono.fromSupplier(() -> blocklists.getOrDefault(username, Blocklist.EMPTY));
    }

    @Override
    public Mono<Void> save(String username, Blocklist blocklist) {
        return Mono.fromRunnable(() -> blocklists.put(username, blocklist));
    }
}
