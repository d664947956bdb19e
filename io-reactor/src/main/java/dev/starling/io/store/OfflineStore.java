package dev.starling.io.store;

import dev.starling.machine.im.OfflineQueue;
import io.vavr.collection.Seq;
import reactor.core.publisher.Mono;

/**
 * Messages kept for accounts while they are offline (XEP-0160, RFC 6121 §8.5.2.2.1), oldest
 * first, each under its XEP-0013 node. A stored message is removed only when the account's entity
 * says so: after it has handed the message over (the flood at initial presence), or when the
 * account removes or purges it (XEP-0013 §2.5, §2.7). A crash in between delivers it again rather
 * than losing it.
 */
public interface OfflineStore {

    /** Keeps a message; completes once it is durable. */
    Mono<Void> store(String username, OfflineQueue.Stored message);

    /** The account's stored messages, oldest first. */
    Mono<Seq<OfflineQueue.Stored>> list(String username);

    /** Forgets the account's messages with these nodes; completes once that is durable. */
    Mono<Void> remove(String username, Seq<String> nodes);
}
