package dev.starling.io.store;

import dev.starling.machine.sasl.StoredCredentials;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;

/**
 * Where the server keeps its accounts: for each username only the salted SCRAM keys
 * ({@link StoredCredentials}, RFC 5802 §3), never a password. Every method is non-blocking for
 * the caller: implementations run their I/O on a bounded scheduler.
 */
public interface AccountStore {

    /** The credentials of an account, none if there is no such account. */
    Mono<Option<StoredCredentials>> credentials(String username);

    /** Creates an account; false if the username is taken. */
    Mono<Boolean> create(String username, StoredCredentials credentials);

    /** Replaces an account's credentials (a password change); false if there is no such account. */
    Mono<Boolean> update(String username, StoredCredentials credentials);

    /** Deletes an account; false if there was no such account. */
    Mono<Boolean> delete(String username);
}
