package dev.starling.io.store;

import dev.starling.machine.im.OfflineQueue;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import reactor.core.publisher.Mono;

import java.util.concurrent.ConcurrentHashMap;

/** Offline messages in memory, for tests and throw-away servers; lost when the process ends. */
public final class InMemoryOfflineStore implements OfflineStore {

    private final ConcurrentHashMap<String, Seq<OfflineQueue.Stored>> messages = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> store(String username, OfflineQueue.Stored message) {
        return Mono.fromRunnable(() -> messages.merge(username, Array.of(message), Seq::appendAll));
    }

    @Override
    public Mono<Seq<OfflineQueue.Stored>> list(String username) {
        return Mono.fromSupplier(() -> messages.getOrDefault(username, Array.empty()));
    }

    @Override
    public Mono<Void> remove(String username, Seq<String> nodes) {
        return Mono.fromRunnable(() -> messages.computeIfPresent(username, (user, stored) -> {
            Seq<OfflineQueue.Stored> left = stored.filter(s -> !nodes.contains(s.node()));
            return left.isEmpty() ? null : left;
        }));
    }
}
