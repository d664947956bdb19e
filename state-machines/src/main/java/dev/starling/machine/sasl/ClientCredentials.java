package dev.starling.machine.sasl;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * What the initiating entity authenticates with: the simple user name (RFC 6120 §6.3.8, the
 * localpart of the account's JID), the password, and an optional authorization identity.
 * PLAIN and SCRAM use all three; EXTERNAL only the authorization identity; ANONYMOUS none.
 *
 * @param username the authentication identity (a simple user name)
 * @param password the password, unprepared (the mechanisms apply RFC 8265 §4.2 themselves)
 * @param authzid  a bare JID to act as (RFC 6120 §6.4.6); none to act as oneself, which is the
 *                 normal case: a client MUST NOT send one it does not need
 */
public record ClientCredentials(String username, String password, Option<String> authzid) {

    public ClientCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(authzid, "authzid");
    }

    /** Credentials without an authorization identity. */
    public static ClientCredentials of(String username, String password) {
        return new ClientCredentials(username, password, Option.none());
    }

    /** Credentials for mechanisms that carry no user name or password (EXTERNAL, ANONYMOUS). */
    public static ClientCredentials none() {
        return new ClientCredentials("", "", Option.none());
    }

    @Override
    public String toString() {
        return "ClientCredentials[username=" + username + ", password=***, authzid=" + authzid + "]";
    }
}
