package dev.starling.benchmarks;

import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a stream the way Smack 4.4's {@code XMPPTCPConnection} reader does: one pull parser over
 * the connection's UTF-8 reader, positioned on the stream root, the stream's
 * {@link XmlEnvironment} taken from it, and each top-level {@code <message/>},
 * {@code <presence/>} or {@code <iq/>} handed to
 * {@link PacketParserUtils#parseStanza(XmlPullParser, XmlEnvironment)}.
 */
final class SmackStream {

    private SmackStream() {
    }

    /**
     * Parses every stanza of the stream in {@code bytes}, read in chunks of at most
     * {@code chunkBytes} as from a socket, and returns how many it parsed.
     */
    static int parse(byte[] bytes, int chunkBytes, Consumer<Stanza> sink) throws Exception {
        XmlPullParser parser = PacketParserUtils.getParserFor(
                new InputStreamReader(new ChunkedInput(bytes, chunkBytes), StandardCharsets.UTF_8));
        XmlEnvironment stream = XmlEnvironment.from(parser);
        int stanzas = 0;
        for (XmlPullParser.Event event = parser.next(); event != XmlPullParser.Event.END_DOCUMENT; event = parser.next()) {
            if (event == XmlPullParser.Event.START_ELEMENT && parser.getDepth() == 2) {
                String name = parser.getName();
                if (!name.equals("message") && !name.equals("presence") && !name.equals("iq")) {
                    throw new IllegalStateException("not a stanza: " + name);
                }
                sink.accept(PacketParserUtils.parseStanza(parser, stream));
                stanzas++;
            }
        }
        return stanzas;
    }

    /** An in-memory input that, like a socket, returns at most one chunk per read. */
    private static final class ChunkedInput extends ByteArrayInputStream {
        private final int chunkBytes;

        ChunkedInput(byte[] bytes, int chunkBytes) {
            super(bytes);
            this.chunkBytes = chunkBytes;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunkBytes));
        }
    }
}
