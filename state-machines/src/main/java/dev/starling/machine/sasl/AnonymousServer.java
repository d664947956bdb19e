package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.control.Option;

/**
 * The server side of ANONYMOUS (RFC 4505 §2, XEP-0175): any trace data, or none at all, is
 * accepted, and the client is given the generated user name the caller supplied.
 */
final class AnonymousServer extends SaslServerState {

    private final String anonymousUsername;

    AnonymousServer(String anonymousUsername) {
        super(SaslMechanismNames.ANONYMOUS);
        this.anonymousUsername = anonymousUsername;
    }

    @Override
    public ServerStep onAuth(Option<Bytes> trace) {
        return new ServerStep.Success(new Authenticated(anonymousUsername, Option.none()), Option.none());
    }
}
