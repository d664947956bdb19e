package dev.starling.io.store;

import dev.starling.model.stanza.Message;
import io.vavr.collection.Seq;
import reactor.core.publisher.Mono;

/**
 * Messages kept for accounts while they are offline (XEP-0160, RFC 6121 §8.5.2.2.1), oldest
 * first. A stored message is removed only once it has been handed to a session, so a crash
 * between the two delivers it again rather than losing it.
 */
public interface OfflineStore {

    /**
     * A stored message and its place in the account's queue.
     *
     * @param seq     its position, increasing with arrival
     * @param message the message as stored, delay stamp included
     */
    record Stored(long seq, Message message) {
    }

    /** Keeps a message; completes once it is durable. */
    Mono<Void> store(String username, Message message);

    /** The account's stored messages, oldest first. */
    Mono<Seq<Stored>> list(String username);

    /** Forgets the account's messages up to and including {@code seq}. */
    Mono<Void> remove(String username, long seq);

    /** How many messages the account has stored. */
    Mono<Integer> count(String username);
}
