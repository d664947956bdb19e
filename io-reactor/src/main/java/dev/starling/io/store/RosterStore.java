package dev.starling.io.store;

import dev.starling.machine.roster.Roster;
import reactor.core.publisher.Mono;

/**
 * Where the server keeps rosters (RFC 6121 §2): each account's whole roster, subscription
 * states, pending requests and versioning tombstones included. Non-blocking for the caller;
 * a save completes only once the roster is durable.
 */
public interface RosterStore {

    /** The account's roster; an empty one if it never had one. */
    Mono<Roster> load(String username);

    /** Replaces the account's roster, atomically. */
    Mono<Void> save(String username, Roster roster);
}
