package dev.starling.codec.xml;

import dev.starling.model.stream.StreamErrorCondition;

/** Maps a parser failure to the stream error condition RFC 6120 §4.9.3 and §11 prescribe. */
final class Failures {

    private Failures() {
    }

    /**
     * {@code unsupported-encoding} when the parser found the bytes are not UTF-8 or a declared
     * encoding it cannot read (RFC 6120 §11.6), otherwise {@code not-well-formed} (§4.9.3.13 covers
     * both XML and namespace well-formedness, such as an unbound prefix).
     */
    static StreamErrorCondition classify(Exception e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Invalid UTF-8") || message.contains("Unsupported encoding")
                ? StreamErrorCondition.UNSUPPORTED_ENCODING
                : StreamErrorCondition.NOT_WELL_FORMED;
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
}
