package dev.starling.codec.xml;

import dev.starling.model.stream.StreamErrorCondition;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Maps a parser failure to the stream error condition RFC 6120 §4.9.3 and §11 prescribe. */
final class Failures {

    private Failures() {
    }

    /**
     * {@code unsupported-encoding} when the bytes are not UTF-8 (RFC 6120 §11.6), otherwise
     * {@code not-well-formed} (§4.9.3.13 covers both XML and namespace well-formedness, such as an
     * unbound prefix).
     */
    static StreamErrorCondition classify(Exception e, byte[] slice, int offset, int length) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Invalid UTF-8") || message.contains("Unsupported encoding")
                || (slice != null && !isUtf8(slice, offset, length))) {
            return StreamErrorCondition.UNSUPPORTED_ENCODING;
        }
        return StreamErrorCondition.NOT_WELL_FORMED;
    }

    /**
     * The text with every character XML cannot carry (the parser may quote the offending one)
     * written as {@code \\uXXXX}, so that it can travel in the stream error's {@code <text/>}.
     */
    static String printable(String text) {
        if (dev.starling.model.element.XmlChars.isValidText(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            if (dev.starling.model.element.XmlChars.isXmlChar(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                sb.appendCodePoint(cp);
            } else {
                sb.append(String.format("\\u%04X", cp));
            }
        });
        return sb.toString();
    }

    /** The parser's message without its location suffix. */
    static String describe(Exception e) {
        String message = String.valueOf(e.getMessage()).replace('\n', ' ');
        int location = message.indexOf(" at [row,col");
        return (location > 0 ? message.substring(0, location) : message).trim();
    }

    /**
     * Whether the slice is valid UTF-8, tolerating a sequence cut at either edge (the slice is an
     * arbitrary window of the stream).
     */
    private static boolean isUtf8(byte[] slice, int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (start < end && start < offset + 3 && (slice[start] & 0xC0) == 0x80) {
            start++;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(slice, start, end - start);
        try {
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(end - start + 1);
            var result = decoder.decode(in, out, false);
            if (result.isError()) {
                return false;
            }
            return in.remaining() < 4; // an unfinished sequence at the end is not an error
        } catch (RuntimeException ignored) {
            return false;
        }
    }
}
