package dev.starling.io.session;

import dev.starling.machine.account.AccountOperation;
import dev.starling.machine.sasl.StoredCredentials;
import dev.starling.model.stream.StreamError;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;

/**
 * What a server session needs from the server around it: storage and the router. Each answer
 * comes back to the session as an input on its own event loop.
 */
public interface ServerHooks extends SessionHooks {

    /** The stored credentials of an account; must not block the calling event loop. */
    Mono<Option<StoredCredentials>> lookupCredentials(String username);

    /** The router's decision on a resource binding (RFC 6120 §7.7). */
    Mono<Either<StanzaError, Jid>> bind(SessionHandle session, dev.starling.machine.session.BindingRequest request);

    /**
     * Performs an account change (XEP-0077): true if done, false if the username is taken
     * (create) or unknown (change, delete), an error if the store failed.
     */
    Mono<Boolean> updateAccount(AccountOperation operation);

    /** Ends the account's other sessions with this stream error (XEP-0077 §3.2). */
    void endAccountSessions(SessionHandle session, Jid account, StreamError error);

    /** A stanza from the session's client, its 'from' stamped, for the router. */
    void route(SessionHandle session, Stanza stanza);
}
