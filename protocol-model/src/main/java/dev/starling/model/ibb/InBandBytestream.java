package dev.starling.model.ibb;

import dev.starling.model.Bytes;
import dev.starling.model.Extension;

import java.util.Objects;

/**
 * The elements of XEP-0047 in-band bytestreams, qualified by {@value #NAMESPACE}: {@link Open} and
 * {@link Close} in IQ sets, {@link Data} in IQ sets or messages.
 */
public sealed interface InBandBytestream extends Extension {

    /** The namespace (XEP-0047 §7). */
    String NAMESPACE = "http://jabber.org/protocol/ibb";

    /** The largest block size and sequence number (XEP-0047 §2.1, §2.2). */
    int MAX_UNSIGNED_16 = 65535;

    /** The session this element belongs to. */
    String sid();

    /** Which stanzas carry the data (XEP-0047 §2.1 'stanza', §4). */
    enum Carrier {
        /** IQ sets, each acknowledged by a result (the default, and recommended). */
        IQ,
        /** Messages, not acknowledged. */
        MESSAGE
    }

    /**
     * {@code <open/>}: a request to open a bytestream (XEP-0047 §2.1).
     *
     * @param blockSize the largest chunk, in bytes before base64, 1 to 65535
     * @param sid       the session id (an NMTOKEN)
     * @param carrier   the stanzas that will carry the data
     */
    record Open(int blockSize, String sid, Carrier carrier) implements InBandBytestream {
        public Open {
            if (blockSize < 1 || blockSize > MAX_UNSIGNED_16) {
                throw new IllegalArgumentException("block-size is 1 to 65535: " + blockSize);
            }
            requireSid(sid);
            Objects.requireNonNull(carrier, "carrier");
        }
    }

    /**
     * {@code <data/>}: one chunk (XEP-0047 §2.2).
     *
     * @param seq   the chunk's number in its direction, 0 to 65535, wrapping to 0
     * @param sid   the session id
     * @param bytes the chunk, decoded from base64
     */
    record Data(int seq, String sid, Bytes bytes) implements InBandBytestream {
        public Data {
            if (seq < 0 || seq > MAX_UNSIGNED_16) {
                throw new IllegalArgumentException("seq is 0 to 65535: " + seq);
            }
            requireSid(sid);
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * {@code <close/>}: either side ends the bytestream (XEP-0047 §2.3).
     *
     * @param sid the session id
     */
    record Close(String sid) implements InBandBytestream {
        public Close {
            requireSid(sid);
        }
    }

    /** The sequence number after {@code seq}: 65535 is followed by 0 (XEP-0047 §2.2). */
    static int next(int seq) {
        return (seq + 1) & MAX_UNSIGNED_16;
    }

    private static void requireSid(String sid) {
        Objects.requireNonNull(sid, "sid");
        if (sid.isEmpty()) {
            throw new IllegalArgumentException("a session id is not empty");
        }
    }
}
