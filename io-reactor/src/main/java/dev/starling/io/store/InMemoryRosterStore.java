package dev.starling.io.store;

import dev.starling.machine.roster.Roster;
import reactor.core.publisher.Mono;

import java.util.concurrent.ConcurrentHashMap;

/** Rosters in memory, for tests and throw-away servers; lost when the process ends. */
public final class InMemoryRosterStore implements RosterStore {

    private final ConcurrentHashMap<String, Roster> rosters = new ConcurrentHashMap<>();

    @Override
    public Mono<Roster> load(String username) {
        return Mono.fromSupplier(() -> rosters.getOrDefault(username, Roster.empty()));
    }

    @Override
    public Mono<Void> save(String username, Roster roster) {
        return Mono.fromRunnable(() -> rosters.put(username, roster));
    }
}
