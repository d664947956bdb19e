package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;

/**
 * The client side of SCRAM (RFC 5802 §5 and §9; RFC 7677; draft-melnikov-scram-sha-512), with
 * or without channel binding. This state has sent the client-first-message and expects the
 * server-first-message. It refuses a nonce that does not extend its own, an iteration count
 * below {@value ScramCredentialsFactory#MINIMUM_ITERATIONS} and a server error; it then sends
 * the proof and expects the server signature, in {@code <success/>} or in a last challenge
 * (RFC 6120 §6.3.10).
 */
final class ScramClient implements SaslClient {

    private final ScramHash hash;
    private final boolean plus;
    private final Gs2Header header;
    private final Bytes channelBindingInput;
    private final String clientFirstBare;
    private final String clientNonce;
    private final String preparedPassword;

    /**
     * @param username         the prepared user name
     * @param preparedPassword the prepared password
     * @param binding          the binding data, required when {@code header} uses channel binding
     */
    ScramClient(ScramHash hash, boolean plus, Gs2Header header, Option<ChannelBinding> binding, String username,
                String preparedPassword, String clientNonce) {
        this.hash = hash;
        this.plus = plus;
        this.header = header;
        this.channelBindingInput = header.channelBindingInput(binding);
        this.clientFirstBare = "n=" + ScramMessages.encodeSaslName(username) + ",r=" + clientNonce;
        this.clientNonce = clientNonce;
        this.preparedPassword = preparedPassword;
    }

    @Override
    public String mechanism() {
        return hash.mechanismName(plus);
    }

    @Override
    public Option<Bytes> initialResponse() {
        return Option.some(Encodings.utf8(header.text() + clientFirstBare));
    }

    @Override
    public Either<SaslClientError, ClientStep> onChallenge(Bytes challenge) {
        Option<String> text = Encodings.decodeUtf8(challenge);
        if (text.isEmpty()) {
            return error("the server-first-message is not UTF-8");
        }
        Option<String> serverError = ScramMessages.serverError(text.get());
        if (serverError.isDefined()) {
            return error("the server reported " + serverError.get());
        }
        Either<String, ScramMessages.ServerFirst> parsed = ScramMessages.parseServerFirst(text.get());
        if (parsed.isLeft()) {
            return error("invalid server-first-message: " + parsed.getLeft());
        }
        ScramMessages.ServerFirst serverFirst = parsed.get();
        if (!serverFirst.nonce().startsWith(clientNonce) || serverFirst.nonce().length() == clientNonce.length()) {
            return error("the server nonce does not extend the client nonce");
        }
        if (serverFirst.iterations() < ScramCredentialsFactory.MINIMUM_ITERATIONS) {
            return error("the iteration count " + serverFirst.iterations() + " is below "
                    + ScramCredentialsFactory.MINIMUM_ITERATIONS);
        }
        return Either.right(prove(text.get(), serverFirst));
    }

    private ClientStep prove(String serverFirstMessage, ScramMessages.ServerFirst serverFirst) {
        String withoutProof = "c=" + Encodings.base64(channelBindingInput.toArray()) + ",r=" + serverFirst.nonce();
        byte[] authMessage = (clientFirstBare + "," + serverFirstMessage + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] saltedPassword = ScramCrypto.saltedPassword(hash, preparedPassword, serverFirst.salt(), serverFirst.iterations());
        byte[] clientKey = ScramCrypto.clientKey(hash, saltedPassword);
        byte[] clientSignature = ScramCrypto.hmac(hash, ScramCrypto.digest(hash, clientKey), authMessage);
        byte[] proof = ScramCrypto.xor(clientKey, clientSignature);
        byte[] serverSignature = ScramCrypto.hmac(hash, ScramCrypto.serverKey(hash, saltedPassword), authMessage);
        String clientFinal = withoutProof + ",p=" + Encodings.base64(proof);
        return new ClientStep(new ExpectServerFinal(mechanism(), Bytes.wrapOwned(serverSignature)), Encodings.utf8(clientFinal));
    }

    @Override
    public Option<SaslClientError> onSuccess(Option<Bytes> additionalData) {
        return Option.some(new SaslClientError("success before the server-first-message: the server was not authenticated"));
    }

    private static Either<SaslClientError, ClientStep> error(String reason) {
        return Either.left(new SaslClientError(reason));
    }

    /** Checks a server-final-message against the signature the client computed. */
    private static Option<SaslClientError> verify(Bytes serverFinal, Bytes expectedSignature) {
        Either<String, Bytes> signature = Encodings.decodeUtf8(serverFinal)
                .toEither("the server-final-message is not UTF-8")
                .flatMap(ScramMessages::parseServerFinal);
        if (signature.isLeft()) {
            return Option.some(new SaslClientError(signature.getLeft()));
        }
        return ScramCrypto.constantTimeEquals(signature.get().toArray(), expectedSignature.toArray())
                ? Option.none()
                : Option.some(new SaslClientError("the server signature is wrong: the server does not know the credentials"));
    }

    /** Sent the client-final-message; expects the server-final-message. */
    private static final class ExpectServerFinal implements SaslClient {

        private final String mechanism;
        private final Bytes expectedSignature;

        ExpectServerFinal(String mechanism, Bytes expectedSignature) {
            this.mechanism = mechanism;
            this.expectedSignature = expectedSignature;
        }

        @Override
        public String mechanism() {
            return mechanism;
        }

        @Override
        public Option<Bytes> initialResponse() {
            return Option.none();
        }

        /** RFC 6120 §6.3.10: a server may send the server-final-message as a challenge; the response is empty. */
        @Override
        public Either<SaslClientError, ClientStep> onChallenge(Bytes challenge) {
            return verify(challenge, expectedSignature)
                    .<Either<SaslClientError, ClientStep>>map(Either::left)
                    .getOrElse(() -> Either.right(new ClientStep(new ExpectSuccess(mechanism, expectedSignature), Bytes.empty())));
        }

        @Override
        public Option<SaslClientError> onSuccess(Option<Bytes> additionalData) {
            return additionalData.filter(data -> !data.isEmpty())
                    .map(data -> verify(data, expectedSignature))
                    .getOrElse(() -> Option.some(new SaslClientError("success without the server signature")));
        }
    }

    /** Verified the server signature in a challenge; expects {@code <success/>}, empty or repeating the signature. */
    private static final class ExpectSuccess implements SaslClient {

        private final String mechanism;
        private final Bytes expectedSignature;

        ExpectSuccess(String mechanism, Bytes expectedSignature) {
            this.mechanism = mechanism;
            this.expectedSignature = expectedSignature;
        }

        @Override
        public String mechanism() {
            return mechanism;
        }

        @Override
        public Option<Bytes> initialResponse() {
            return Option.none();
        }

        @Override
        public Either<SaslClientError, ClientStep> onChallenge(Bytes challenge) {
            return Either.left(new SaslClientError("a challenge after the server-final-message"));
        }

        @Override
        public Option<SaslClientError> onSuccess(Option<Bytes> additionalData) {
            return additionalData.filter(data -> !data.isEmpty())
                    .flatMap(data -> verify(data, expectedSignature));
        }
    }
}
