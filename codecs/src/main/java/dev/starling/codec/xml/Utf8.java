package dev.starling.codec.xml;

/** Where UTF-8 characters begin and end in a byte range (RFC 3629 §3). */
final class Utf8 {

    private Utf8() {
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
     * parser reports them).
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
