package dev.starling.io.store;

import dev.starling.machine.blocking.Blocklist;
import reactor.core.publisher.Mono;

/** Where the server keeps each account's blocklist (XEP-0191 §3.3: a block applies across sessions). */
public interface BlocklistStore {

    /** The account's blocklist; empty if it never blocked anyone. */
    Mono<Blocklist> load(String username);

    /** Replaces the account's blocklist, atomically; completes once it is durable. */
    Mono<Void> save(String username, Blocklist blocklist);
}
