package dev.starling.machine.account;

import io.vavr.collection.Map;

import java.util.Objects;

/**
 * A change to the account store that a session asks the shell to make (XEP-0077 §3): the shell
 * derives the SCRAM credentials from the password, so the store never holds the password.
 */
public sealed interface AccountOperation {

    /** The account's username (a normalized localpart). */
    String username();

    /**
     * Register a new account (XEP-0077 §3.1).
     *
     * @param username the normalized localpart
     * @param password the password
     * @param details  the other registration fields the server asked for (email, name, ...)
     */
    record Create(String username, String password, Map<String, String> details) implements AccountOperation {
        public Create {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(details, "details");
        }

        @Override
        public String toString() {
            return "Create[username=" + username + ", password=***, details=" + details.keySet() + "]";
        }
    }

    /**
     * Change an account's password (XEP-0077 §3.3).
     *
     * @param username the normalized localpart
     * @param password the new password
     */
    record ChangePassword(String username, String password) implements AccountOperation {
        public ChangePassword {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "ChangePassword[username=" + username + ", password=***]";
        }
    }

    /**
     * Remove an account (XEP-0077 §3.2).
     *
     * @param username the normalized localpart
     */
    record Delete(String username) implements AccountOperation {
        public Delete {
            Objects.requireNonNull(username, "username");
        }
    }
}
