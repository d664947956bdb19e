package dev.starling.machine.sasl;

import dev.starling.model.Bytes;
import io.vavr.control.Option;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Strict text encodings for mechanism messages: UTF-8 that refuses malformed input (RFC 3629),
 * and base64 (RFC 4648 §4) that accepts only the canonical form, so that no two different
 * strings decode to the same SCRAM proof.
 */
final class Encodings {

    private Encodings() {
    }

    /** The UTF-8 encoding of a string. */
    static Bytes utf8(String text) {
        return Bytes.wrapOwned(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The text the bytes encode, or none if they are not well-formed UTF-8. */
    static Option<String> decodeUtf8(Bytes bytes) {
        try {
            return Option.some(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Option.none();
        }
    }

    /** Padded base64 of the bytes. */
    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The bytes of canonical padded base64 text, or none for anything else. */
    static Option<byte[]> decodeBase64(String text) {
        try {
            byte[] decoded = Base64.getDecoder().decode(text);
            return base64(decoded).equals(text) ? Option.some(decoded) : Option.none();
        } catch (IllegalArgumentException e) {
            return Option.none();
        }
    }
}
