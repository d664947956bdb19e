package dev.starling.benchmarks.files;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.XmlEncoder;
import dev.starling.model.Bytes;
import dev.starling.model.ibb.InBandBytestream;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import io.vavr.collection.Array;
import io.vavr.control.Option;

/**
 * The bound base64 and stanza framing put on IBB: the share of payload bytes in one data IQ as
 * Starling's own codec writes it (XEP-0047 §3), with realistic JIDs and ids.
 */
final class IbbFraming {

    private IbbFraming() {
    }

    /** Payload bytes per byte on the wire for chunks of {@code blockSize} bytes. */
    static double payloadShare(int blockSize) {
        Iq chunk = new Iq(IqType.SET, "ibb-0123456789ab", Option.some(Jid.of("romeo@localhost/bench")),
                Option.some(Jid.of("juliet@localhost/bench")), Option.none(),
                Array.of(new InBandBytestream.Data(1234, "ft-0123456789abcdef", Bytes.of(new byte[blockSize]))));
        byte[] wire = new XmlEncoder().encode(CodecRegistry.core().encode(chunk, "jabber:client"), "jabber:client");
        return blockSize / (double) wire.length;
    }
}
