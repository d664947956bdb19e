package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The one message of PLAIN, RFC 4616 §2: {@code [authzid] NUL authcid NUL passwd}, UTF-8.
 *
 * @param authzid  the authorization identity; none when the field is empty
 * @param authcid  the authentication identity, non-empty
 * @param password the password, non-empty
 */
record PlainMessage(Option<String> authzid, String authcid, String password) {

    /** The message bytes. */
    Bytes encode() {
        return Encodings.utf8(authzid.getOrElse("") + '\0' + authcid + '\0' + password);
    }

    /** The three fields, or why the data is not a PLAIN message. */
    static Either<String, PlainMessage> parse(Bytes data) {
        Option<String> text = Encodings.decodeUtf8(data);
        if (text.isEmpty()) {
            return Either.left("the message is not UTF-8");
        }
        List<String> fields = List.of(text.get().split("\0", -1));
        if (fields.size() != 3) {
            return Either.left("the message must be authzid NUL authcid NUL passwd");
        }
        if (fields.get(1).isEmpty() || fields.get(2).isEmpty()) {
            return Either.left("authcid and passwd must not be empty");
        }
        Option<String> authzid = Option.some(fields.get(0)).filter(a -> !a.isEmpty());
        return Either.right(new PlainMessage(authzid, fields.get(1), fields.get(2)));
    }

    @Override
    public String toString() {
        return "PlainMessage[authzid=" + authzid + ", authcid=" + authcid + ", password=***]";
    }
}
