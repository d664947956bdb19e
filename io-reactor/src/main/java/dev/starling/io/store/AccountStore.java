package dev.starling.io.store;

import dev.starling.machine.sasl.StoredCredentials;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
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
    default Mono<Boolean> create(String username, StoredCredentials credentials) {
        return create(username, credentials, HashMap.empty());
    }

    /** Creates an account with its registration details (XEP-0077 §3.1: email, name, ...); false if the username is taken. */
    Mono<Boolean> create(String username, StoredCredentials credentials, Map<String, String> details);

    /** The registration details of an account, empty if it has none or does not exist. */
    Mono<Map<String, String>> details(String username);

    /** Replaces an account's credentials (a password change); false if there is no such account. */
    Mono<Boolean> update(String username, StoredCredentials credentials);

    /** Deletes an account; false if there was no such account. */
    Mono<Boolean> delete(String username);

    /** The rosters of these accounts, kept with them (RFC 6121 §2). */
    RosterStore rosters();

    /** The messages kept for these accounts while they are offline (XEP-0160). */
    OfflineStore offline();

    /** The blocklists of these accounts (XEP-0191). */
    BlocklistStore blocklists();

    /** The vCards and private storage of these accounts (XEP-0054, XEP-0049). */
    AccountDataStore data();
}
