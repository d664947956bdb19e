package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The GS2 header that starts a SCRAM client-first-message (RFC 5802 §7, RFC 5801 §4):
 * {@code gs2-cbind-flag "," [authzid] ","}. The flag says whether the client uses channel
 * binding ({@code p=type}), supports it but believes the server does not ({@code y}), or does
 * not support it ({@code n}). The header is echoed, with the binding data, in the client-final
 * message's {@code c=} attribute, which protects it against tampering (RFC 5802 §6).
 *
 * @param flag    the channel binding flag
 * @param cbType  the channel binding type, present exactly when {@code flag} is {@link Flag#USED}
 * @param authzid the decoded authorization identity
 * @param text    the header exactly as sent or received, including both commas
 */
record Gs2Header(Flag flag, Option<String> cbType, Option<String> authzid, String text) {

    /** {@code gs2-cbind-flag}. */
    enum Flag {
        /** {@code n}: the client does not support channel binding. */
        NOT_SUPPORTED,
        /** {@code y}: the client supports channel binding but thinks the server does not. */
        SUPPORTED_NOT_USED,
        /** {@code p=cb-name}: the client uses channel binding of that type. */
        USED
    }

    /** The header a client sends. */
    static Gs2Header of(Flag flag, Option<String> cbType, Option<String> authzid) {
        String flagText = switch (flag) {
            case NOT_SUPPORTED -> "n";
            case SUPPORTED_NOT_USED -> "y";
            case USED -> "p=" + cbType.get();
        };
        String authzidText = authzid.map(a -> "a=" + ScramMessages.encodeSaslName(a)).getOrElse("");
        return new Gs2Header(flag, cbType, authzid, flagText + "," + authzidText + ",");
    }

    /**
     * Splits a client-first-message into its GS2 header and the client-first-message-bare, or
     * says why the header is malformed.
     */
    static Either<String, Gs2Header> parse(String clientFirstMessage) {
        int first = clientFirstMessage.indexOf(',');
        int second = first < 0 ? -1 : clientFirstMessage.indexOf(',', first + 1);
        if (second < 0) {
            return Either.left("the GS2 header is incomplete");
        }
        String flagText = clientFirstMessage.substring(0, first);
        String authzidText = clientFirstMessage.substring(first + 1, second);
        String text = clientFirstMessage.substring(0, second + 1);
        Option<String> authzid;
        if (authzidText.isEmpty()) {
            authzid = Option.none();
        } else if (authzidText.startsWith("a=")) {
            authzid = ScramMessages.decodeSaslName(authzidText.substring(2));
            if (authzid.isEmpty()) {
                return Either.left("the authzid is not a valid saslname");
            }
        } else {
            return Either.left("the GS2 header carries something other than an authzid");
        }
        if (flagText.equals("n")) {
            return Either.right(new Gs2Header(Flag.NOT_SUPPORTED, Option.none(), authzid, text));
        }
        if (flagText.equals("y")) {
            return Either.right(new Gs2Header(Flag.SUPPORTED_NOT_USED, Option.none(), authzid, text));
        }
        if (flagText.startsWith("p=") && ChannelBinding.isValidTypeName(flagText.substring(2))) {
            return Either.right(new Gs2Header(Flag.USED, Option.some(flagText.substring(2)), authzid, text));
        }
        return Either.left("unknown channel binding flag");
    }

    /** The message text after the header: client-first-message-bare. */
    String bareOf(String clientFirstMessage) {
        return clientFirstMessage.substring(text.length());
    }

    /** {@code cbind-input = gs2-header [cbind-data]}: the binding data is included only with {@code p=}. */
    Bytes channelBindingInput(Option<ChannelBinding> binding) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        if (flag == Flag.USED) {
            input.writeBytes(binding.get().data().toArray());
        }
        return Bytes.wrapOwned(input.toByteArray());
    }
}
