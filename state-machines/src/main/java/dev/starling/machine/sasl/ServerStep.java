package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import dev.starling.model.sasl.SaslFailureCondition;
import io.vavr.control.Option;

import java.util.Objects;

/** What a {@link SaslServer} asks the session to do after an input (RFC 6120 §6.4.3 to §6.4.6). */
public sealed interface ServerStep {

    /**
     * Send {@code <challenge/>} with the data and continue with {@code next}.
     *
     * @param next the state that expects the client's response
     * @param data the challenge (possibly empty, sent as {@code =})
     */
    record Challenge(SaslServer next, Bytes data) implements ServerStep {
        public Challenge {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * Look up the account's stored credentials and pass them, or none, to {@code next.onCredentials}.
     *
     * @param next     the state that expects the credentials
     * @param username the prepared user name to look up
     */
    record LookupCredentials(SaslServer next, String username) implements ServerStep {
        public LookupCredentials {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(username, "username");
        }
    }

    /**
     * Send {@code <success/>} (RFC 6120 §6.4.6) with the additional data; the exchange is over.
     *
     * @param identity       who authenticated, and as whom they act
     * @param additionalData e.g. the SCRAM server-final-message {@code v=ServerSignature}
     */
    record Success(Authenticated identity, Option<Bytes> additionalData) implements ServerStep {
        public Success {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(additionalData, "additionalData");
        }
    }

    /**
     * Send {@code <failure/>} with the condition of RFC 6120 §6.5; the exchange is over.
     *
     * @param condition the failure condition
     * @param text      why, for logs and the optional {@code <text/>}; it never reveals whether an account exists
     */
    record Failure(SaslFailureCondition condition, String text) implements ServerStep {
        public Failure {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(text, "text");
        }
    }
}
