package dev.starling.codec.xml;

/**
 * UTF-8 boundaries and validity. Aalto's parser does not validate UTF-8 strictly: it decodes
 * overlong forms ({@code C0 BC} as '&lt;', {@code E0 80 80} as U+0000) and sequences beyond
 * U+10FFFF, so the decoder checks every slice first against the well-formed byte sequences of
 * RFC 3629 §4. The check reads bytes only (no characters are produced) and agrees with the JDK's
 * strict decoder on every input (see {@code Utf8Test}).
 */
final class Utf8 {

    private Utf8() {
    }

    /** Whether the range holds only complete, well-formed UTF-8 sequences (RFC 3629 §4). */
    static boolean isWellFormed(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int lead = bytes[i];
            if (lead >= 0) {
                i++;
                continue;
            }
            lead &= 0xFF;
            if (lead < 0xC2 || lead > 0xF4) {
                return false; // a continuation byte, an overlong two-byte lead (C0, C1), or beyond U+10FFFF
            }
            int size = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            if (i + size > end) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;  // no overlong forms
            int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF; // no surrogates, nothing past U+10FFFF
            if (second < low || second > high) {
                return false;
            }
            for (int k = 2; k < size; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += size;
        }
        return true;
    }

    /** The length of the sequence a lead byte starts (1 for ASCII and for bytes that cannot lead). */
    static int sequenceLength(byte lead) {
        int b = lead & 0xFF;
        if (b >= 0xF0 && b <= 0xF4) {
            return 4;
        }
        if (b >= 0xE0 && b <= 0xEF) {
            return 3;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            return 2;
        }
        return 1;
    }

    /**
     * The index where a sequence that {@code [from, end)} cuts short begins, or {@code end} when
     * the range ends on a character boundary. Malformed bytes count as complete characters (the
     * validity check reports them).
     */
    static int incompleteTailStart(byte[] bytes, int from, int end) {
        for (int i = end - 1; i >= Math.max(from, end - 3); i--) {
            int b = bytes[i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                return end - i < sequenceLength(bytes[i]) ? i : end;
            }
        }
        return end;
    }
}
