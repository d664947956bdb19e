package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import dev.starling.model.sasl.SaslFailureCondition;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The server side of PLAIN (RFC 4616 §2 and §3, RFC 6120 §6.3.8): parses {@code [authzid] NUL
 * authcid NUL passwd} ({@code malformed-request} if it is not that), prepares user name and
 * password with OpaqueString, asks for the account's stored credentials and verifies the
 * password against the strongest stored SCRAM hash: it derives StoredKey with the stored salt and
 * iteration count and compares in constant time. A wrong password, an unknown user and a name
 * the profile refuses all fail with {@code not-authorized}. The policy checks (TLS) happen
 * before this state is created.
 */
final class PlainServer extends InitialResponseServer {

    private final AuthzidRule authzidRule;

    PlainServer(AuthzidRule authzidRule) {
        super(SaslMechanismNames.PLAIN);
        this.authzidRule = authzidRule;
    }

    @Override
    ServerStep onFirstMessage(Bytes message) {
        Either<String, PlainMessage> parsed = PlainMessage.parse(message);
        if (parsed.isLeft()) {
            return malformed(parsed.getLeft());
        }
        Option<String> username = OpaqueStrings.prepare(parsed.get().authcid());
        Option<String> password = OpaqueStrings.prepare(parsed.get().password());
        if (username.isEmpty() || password.isEmpty()) {
            return notAuthorized();
        }
        PlainMessage prepared = new PlainMessage(parsed.get().authzid(), username.get(), password.get());
        return new ServerStep.LookupCredentials(new ExpectCredentials(prepared, authzidRule), username.get());
    }

    /** Asked for the account's credentials; verifies the password when they arrive. */
    private static final class ExpectCredentials extends SaslServerState {

        private final PlainMessage message;
        private final AuthzidRule authzidRule;

        ExpectCredentials(PlainMessage message, AuthzidRule authzidRule) {
            super(SaslMechanismNames.PLAIN);
            this.message = message;
            this.authzidRule = authzidRule;
        }

        @Override
        public ServerStep onCredentials(Option<StoredCredentials> credentials) {
            if (!PasswordCheck.matches(credentials, message.password())) {
                return notAuthorized();
            }
            Either<String, Option<String>> authzid = authzidRule.authorize(message.authcid(), message.authzid());
            if (authzid.isLeft()) {
                return failure(SaslFailureCondition.INVALID_AUTHZID, authzid.getLeft());
            }
            return new ServerStep.Success(new Authenticated(message.authcid(), authzid.get()), Option.none());
        }
    }
}
