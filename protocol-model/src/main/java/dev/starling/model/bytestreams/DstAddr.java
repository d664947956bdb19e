package dev.starling.model.bytestreams;

import dev.starling.model.jid.Jid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SOCKS5 DST.ADDR of a bytestream: SHA-1 of the stream id, the requester's JID and the
 * target's JID, as lowercase hex (XEP-0065 §5.3.2, §6.3.2). The JIDs are those of the IQ
 * exchange, already in their canonical (prepared) form as {@link Jid} keeps them.
 */
public final class DstAddr {

    private DstAddr() {
    }

    /** SHA1(sid + requester + target), hex. */
    public static String of(String sid, Jid requester, Jid target) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((sid + requester + target).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
