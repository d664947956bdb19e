package dev.starling.io.store;

import dev.starling.model.stanza.Message;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import reactor.core.publisher.Mono;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Offline messages in memory, for tests and throw-away servers; lost when the process ends. */
public final class InMemoryOfflineStore implements OfflineStore {

    private final ConcurrentHashMap<String, Seq<Stored>> messages = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    @Override
    public Mono<Void> store(String username, Message message) {
        return Mono.fromRunnable(() -> messages.merge(username, Array.of(new Stored(sequence.incrementAndGet(), message)), Seq::appendAll));
    }

    @Override
    public Mono<Seq<Stored>> list(String username) {
        return Mono.fromSupplier(() -> messages.getOrDefault(username, Array.empty()));
    }

    @Override
    public Mono<Void> remove(String username, long seq) {
        return Mono.fromRunnable(() -> messages.computeIfPresent(username, (user, stored) -> {
            Seq<Stored> left = stored.filter(s -> s.seq() > seq);
            return left.isEmpty() ? null : left;
        }));
    }

    @Override
    public Mono<Integer> count(String username) {
        return Mono.fromSupplier(() -> messages.getOrDefault(username, Array.empty()).size());
    }
}
