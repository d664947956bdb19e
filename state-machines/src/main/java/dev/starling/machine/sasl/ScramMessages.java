package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The SCRAM message syntax of RFC 5802 §7: parsing of the four messages into their attributes,
 * and the saslname and nonce rules. A parse either gives the message or says, in words, why it
 * is malformed; it never throws.
 */
final class ScramMessages {

    /** client-first-message-bare: the user name and the client nonce. */
    record ClientFirstBare(String username, String nonce) {
    }

    /** server-first-message: the combined nonce, the salt and the iteration count. */
    record ServerFirst(String nonce, Bytes salt, int iterations) {
    }

    /**
     * client-final-message.
     *
     * @param withoutProof   client-final-message-without-proof, as received
     * @param channelBinding the decoded {@code c=} attribute (cbind-input)
     * @param nonce          the combined nonce
     * @param proof          the decoded ClientProof
     */
    record ClientFinal(String withoutProof, Bytes channelBinding, String nonce, Bytes proof) {
    }

    private static final String MANDATORY_EXTENSION = "a mandatory extension (m=) is not supported";

    private ScramMessages() {
    }

    /** Escapes a user name or authzid as a saslname: {@code =} becomes {@code =3D}, {@code ,} becomes {@code =2C}. */
    static String encodeSaslName(String name) {
        return name.replace("=", "=3D").replace(",", "=2C");
    }

    /** The name a saslname escapes; none if it is empty, holds NUL or an {@code =} not starting {@code =2C}/{@code =3D}. */
    static Option<String> decodeSaslName(String saslName) {
        if (saslName.isEmpty() || saslName.indexOf('\0') >= 0) {
            return Option.none();
        }
        StringBuilder name = new StringBuilder(saslName.length());
        for (int i = 0; i < saslName.length(); i++) {
            char c = saslName.charAt(i);
            if (c != '=') {
                name.append(c);
            } else if (saslName.startsWith("=2C", i)) {
                name.append(',');
                i += 2;
            } else if (saslName.startsWith("=3D", i)) {
                name.append('=');
                i += 2;
            } else {
                return Option.none();
            }
        }
        return Option.some(name.toString());
    }

    /** RFC 5802 §7: a nonce is one or more printable ASCII characters other than {@code ,}. */
    static boolean isValidNonce(String nonce) {
        if (nonce.isEmpty()) {
            return false;
        }
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (c < 0x21 || c > 0x7E || c == ',') {
                return false;
            }
        }
        return true;
    }

    /** {@code client-first-message-bare = [reserved-mext ","] username "," nonce ["," extensions]}. */
    static Either<String, ClientFirstBare> parseClientFirstBare(String bare) {
        return attributes(bare).flatMap(attributes -> {
            if (attributes.head().startsWith("m=")) {
                return Either.left(MANDATORY_EXTENSION);
            }
            if (attributes.size() < 2) {
                return Either.left("client-first-message is incomplete");
            }
            Option<String> username = value(attributes.get(0), 'n').flatMap(ScramMessages::decodeSaslName);
            Option<String> nonce = value(attributes.get(1), 'r').filter(ScramMessages::isValidNonce);
            if (username.isEmpty()) {
                return Either.left("n= must be a valid saslname");
            }
            if (nonce.isEmpty()) {
                return Either.left("r= must be a valid nonce");
            }
            return Either.right(new ClientFirstBare(username.get(), nonce.get()));
        });
    }

    /** {@code server-first-message = [reserved-mext ","] nonce "," salt "," iteration-count ["," extensions]}. */
    static Either<String, ServerFirst> parseServerFirst(String message) {
        return attributes(message).flatMap(attributes -> {
            if (attributes.head().startsWith("m=")) {
                return Either.left(MANDATORY_EXTENSION);
            }
            if (attributes.size() < 3) {
                return Either.left("server-first-message is incomplete");
            }
            Option<String> nonce = value(attributes.get(0), 'r').filter(ScramMessages::isValidNonce);
            Option<byte[]> salt = value(attributes.get(1), 's').flatMap(Encodings::decodeBase64).filter(s -> s.length > 0);
            Option<Integer> iterations = value(attributes.get(2), 'i').flatMap(ScramMessages::positiveNumber);
            if (nonce.isEmpty()) {
                return Either.left("r= must be a valid nonce");
            }
            if (salt.isEmpty()) {
                return Either.left("s= must be a non-empty base64 salt");
            }
            if (iterations.isEmpty()) {
                return Either.left("i= must be a positive number");
            }
            return Either.right(new ServerFirst(nonce.get(), Bytes.wrapOwned(salt.get()), iterations.get()));
        });
    }

    /** {@code client-final-message = channel-binding "," nonce ["," extensions] "," proof}. */
    static Either<String, ClientFinal> parseClientFinal(String message) {
        return attributes(message).flatMap(attributes -> {
            if (attributes.size() < 3) {
                return Either.left("client-final-message is incomplete");
            }
            Option<byte[]> channelBinding = value(attributes.get(0), 'c').flatMap(Encodings::decodeBase64);
            Option<String> nonce = value(attributes.get(1), 'r').filter(ScramMessages::isValidNonce);
            Option<byte[]> proof = value(attributes.last(), 'p').flatMap(Encodings::decodeBase64);
            if (channelBinding.isEmpty()) {
                return Either.left("c= must be base64");
            }
            if (nonce.isEmpty()) {
                return Either.left("r= must be a valid nonce");
            }
            if (proof.isEmpty()) {
                return Either.left("the message must end with a base64 p=");
            }
            String withoutProof = message.substring(0, message.length() - attributes.last().length() - 1);
            return Either.right(new ClientFinal(withoutProof, Bytes.wrapOwned(channelBinding.get()), nonce.get(),
                    Bytes.wrapOwned(proof.get())));
        });
    }

    /**
     * {@code server-final-message = (server-error / verifier) ["," extensions]}: the decoded
     * ServerSignature, or why there is none (the server's {@code e=} error, or a syntax error).
     */
    static Either<String, Bytes> parseServerFinal(String message) {
        return attributes(message).flatMap(attributes -> {
            Option<String> error = value(attributes.head(), 'e');
            if (error.isDefined()) {
                return Either.left("the server reported " + error.get());
            }
            return value(attributes.head(), 'v').flatMap(Encodings::decodeBase64)
                    .map(Bytes::wrapOwned)
                    .toEither("server-final-message must start with a base64 v=");
        });
    }

    /** The {@code e=} value if the message is a SCRAM server-error. */
    static Option<String> serverError(String message) {
        return message.startsWith("e=") ? Option.some(message.substring(2).split(",", -1)[0]) : Option.none();
    }

    /** Splits a message at commas; each part must be {@code ALPHA "=" value}, so the list is never empty. */
    private static Either<String, List<String>> attributes(String message) {
        List<String> parts = List.of(message.split(",", -1));
        return parts.forAll(ScramMessages::isAttribute)
                ? Either.right(parts)
                : Either.left("not a list of SCRAM attributes");
    }

    private static boolean isAttribute(String part) {
        if (part.length() < 2 || part.charAt(1) != '=') {
            return false;
        }
        char name = part.charAt(0);
        return (name >= 'a' && name <= 'z') || (name >= 'A' && name <= 'Z');
    }

    private static Option<String> value(String attribute, char name) {
        return attribute.charAt(0) == name ? Option.some(attribute.substring(2)) : Option.none();
    }

    private static Option<Integer> positiveNumber(String text) {
        if (text.isEmpty() || text.length() > 10 || text.charAt(0) == '0' || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Option.none();
        }
        long number = Long.parseLong(text);
        return number <= Integer.MAX_VALUE ? Option.some((int) number) : Option.none();
    }
}
