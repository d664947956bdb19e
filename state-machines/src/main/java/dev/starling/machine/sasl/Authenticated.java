package dev.starling.machine.sasl;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * The outcome of a successful exchange on the server (RFC 6120 §6.4.6): who authenticated and,
 * if the client asked for one and the server accepted it, the identity to act as.
 *
 * @param username the authentication identity: the prepared simple user name (PLAIN, SCRAM), the
 *                 certificate identity (EXTERNAL) or the generated name (ANONYMOUS)
 * @param authzid  the authorization identity the client requested and the server accepted
 */
public record Authenticated(String username, Option<String> authzid) {

    public Authenticated {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(authzid, "authzid");
    }
}
