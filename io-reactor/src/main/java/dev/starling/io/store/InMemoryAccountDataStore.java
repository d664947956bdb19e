package dev.starling.io.store;

import dev.starling.model.element.Element;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;

import java.util.concurrent.ConcurrentHashMap;

/** Account data in memory, for tests and throw-away servers; lost when the process ends. */
public final class InMemoryAccountDataStore implements AccountDataStore {

    private final ConcurrentHashMap<String, Map<String, Element>> data = new ConcurrentHashMap<>();

    @Override
    public Mono<Map<String, Element>> load(String username) {
        return Mono.fromSupplier(() -> data.getOrDefault(username, LinkedHashMap.empty()));
    }

    @Override
    public Mono<Void> save(String username, String key, Option<Element> value) {
        return Mono.fromRunnable(() -> data.compute(username, (user, current) -> {
            Map<String, Element> now = current == null ? LinkedHashMap.empty() : current;
            return value.isDefined() ? now.put(key, value.get()) : now.remove(key);
        }));
    }
}
