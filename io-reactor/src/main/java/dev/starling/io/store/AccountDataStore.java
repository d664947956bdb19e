package dev.starling.io.store;

import dev.starling.model.element.Element;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;

/** What the server keeps for each account by key: its vCard and its private XML storage (XEP-0054, XEP-0049). */
public interface AccountDataStore {

    /** Everything kept for the account, by key. */
    Mono<Map<String, Element>> load(String username);

    /** Keeps an element under a key, or forgets the key when none; completes once durable. */
    Mono<Void> save(String username, String key, Option<Element> value);
}
