package dev.starling.codec.xml;

/**
 * The explicit limits an {@link XmlStreamDecoder} enforces on what a peer may send. Exceeding
 * one closes the stream with {@code policy-violation} (RFC 6120 §4.9.3.14) naming the limit.
 *
 * @param maxStanzaBytes  bytes of one top-level element, counted as fed (to within one feed
 *                        slice of {@value XmlStreamDecoder#SLICE_BYTES} bytes); also bounds the
 *                        stream header and any run of bytes between top-level elements
 * @param maxDepth        nesting depth inside a top-level element (the element itself is 1)
 * @param maxAttributes   attributes on one element
 * @param maxTextChars    characters of character data in one element
 */
public record DecoderLimits(int maxStanzaBytes, int maxDepth, int maxAttributes, int maxTextChars) {

    /** 256 KiB stanzas, depth 64, 64 attributes per element, 256 Ki characters of text. */
    public static final DecoderLimits DEFAULT = new DecoderLimits(256 * 1024, 64, 64, 256 * 1024);

    public DecoderLimits {
        if (maxStanzaBytes < XmlStreamDecoder.SLICE_BYTES || maxDepth < 1 || maxAttributes < 0 || maxTextChars < 0) {
            throw new IllegalArgumentException("limits must be positive and allow at least one slice of input");
        }
    }

    public DecoderLimits withMaxStanzaBytes(int value) {
        return new DecoderLimits(value, maxDepth, maxAttributes, maxTextChars);
    }

    public DecoderLimits withMaxDepth(int value) {
        return new DecoderLimits(maxStanzaBytes, value, maxAttributes, maxTextChars);
    }

    public DecoderLimits withMaxAttributes(int value) {
        return new DecoderLimits(maxStanzaBytes, maxDepth, value, maxTextChars);
    }

    public DecoderLimits withMaxTextChars(int value) {
        return new DecoderLimits(maxStanzaBytes, maxDepth, maxAttributes, value);
    }
}
