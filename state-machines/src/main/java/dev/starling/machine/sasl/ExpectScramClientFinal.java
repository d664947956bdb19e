package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import dev.starling.model.sasl.SaslFailureCondition;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The SCRAM server after the server-first-message (RFC 5802 §5.1, §9): expects the
 * client-final-message and checks, in order, its syntax ({@code malformed-request}), the channel
 * binding data (it must equal the GS2 header as first received, plus the binding data for
 * {@code p=}), the nonce, and the proof ({@code not-authorized} for each), then the authzid
 * ({@code invalid-authzid}). On success it sends {@code v=ServerSignature} with
 * {@code <success/>}.
 */
final class ExpectScramClientFinal extends SaslServerState {

    /** Length of the made-up salt for accounts the server cannot verify. */
    private static final int UNKNOWN_USER_SALT_LENGTH = 16;

    private final ScramExchange exchange;
    private final String serverFirst;
    private final Option<ScramCredentials> credentials;

    private ExpectScramClientFinal(ScramExchange exchange, String serverFirst, Option<ScramCredentials> credentials) {
        super(exchange.mechanism());
        this.exchange = exchange;
        this.serverFirst = serverFirst;
        this.credentials = credentials;
    }

    /**
     * Sends the server-first-message. Without credentials the salt is derived from the user name,
     * so that it stays the same on every attempt, as a real account's would, and the exchange
     * fails only at the proof.
     */
    static ServerStep.Challenge challenge(ScramExchange exchange, Option<ScramCredentials> credentials) {
        Bytes salt = credentials.map(ScramCredentials::salt).getOrElse(() -> unknownUserSalt(exchange));
        int iterations = credentials.map(ScramCredentials::iterations).getOrElse(ScramCredentialsFactory.MINIMUM_ITERATIONS);
        String serverFirst = "r=" + exchange.nonce() + ",s=" + Encodings.base64(salt.toArray()) + ",i=" + iterations;
        return new ServerStep.Challenge(new ExpectScramClientFinal(exchange, serverFirst, credentials), Encodings.utf8(serverFirst));
    }

    private static Bytes unknownUserSalt(ScramExchange exchange) {
        byte[] seed = ("SCRAM salt of an unknown user," + exchange.mechanism() + "," + exchange.username()).getBytes(StandardCharsets.UTF_8);
        return Bytes.wrapOwned(Arrays.copyOf(ScramCrypto.digest(ScramHash.SHA_256, seed), UNKNOWN_USER_SALT_LENGTH));
    }

    @Override
    public ServerStep onResponse(Option<Bytes> response) {
        Option<String> text = Encodings.decodeUtf8(response.getOrElse(Bytes.empty()));
        if (text.isEmpty()) {
            return malformed("the client-final-message is not UTF-8");
        }
        Either<String, ScramMessages.ClientFinal> parsed = ScramMessages.parseClientFinal(text.get());
        if (parsed.isLeft()) {
            return malformed(parsed.getLeft());
        }
        ScramMessages.ClientFinal clientFinal = parsed.get();
        if (!clientFinal.channelBinding().equals(exchange.channelBindingInput())) {
            return failure(SaslFailureCondition.NOT_AUTHORIZED, "the channel binding data does not match");
        }
        if (!clientFinal.nonce().equals(exchange.nonce())) {
            return failure(SaslFailureCondition.NOT_AUTHORIZED, "the nonce does not match");
        }
        byte[] authMessage = (exchange.clientFirstBare() + "," + serverFirst + "," + clientFinal.withoutProof())
                .getBytes(StandardCharsets.UTF_8);
        if (credentials.isEmpty() || !proofMatches(credentials.get(), clientFinal.proof().toArray(), authMessage)) {
            return notAuthorized();
        }
        Either<String, Option<String>> authzid = exchange.authzidRule().authorize(exchange.username(), exchange.authzid());
        if (authzid.isLeft()) {
            return failure(SaslFailureCondition.INVALID_AUTHZID, authzid.getLeft());
        }
        byte[] serverSignature = ScramCrypto.hmac(exchange.hash(), credentials.get().serverKey().toArray(), authMessage);
        return new ServerStep.Success(new Authenticated(exchange.username(), authzid.get()),
                Option.some(Encodings.utf8("v=" + Encodings.base64(serverSignature))));
    }

    /** {@code ClientKey = ClientProof XOR HMAC(StoredKey, AuthMessage)} must hash to StoredKey. */
    private static boolean proofMatches(ScramCredentials stored, byte[] proof, byte[] authMessage) {
        if (proof.length != stored.hash().keyLength()) {
            return false;
        }
        byte[] clientSignature = ScramCrypto.hmac(stored.hash(), stored.storedKey().toArray(), authMessage);
        byte[] clientKey = ScramCrypto.xor(proof, clientSignature);
        return ScramCrypto.constantTimeEquals(ScramCrypto.digest(stored.hash(), clientKey), stored.storedKey().toArray());
    }
}
