package dev.starling.model.jingle;

import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/** A content's transport: in-band (XEP-0261), SOCKS5 (XEP-0260), or another kept as its element. */
public sealed interface JingleTransport {

    /**
     * XEP-0261's transport.
     *
     * @param blockSize the largest chunk, at most 65535
     * @param sid       the in-band bytestream's id
     */
    record Ibb(int blockSize, String sid) implements JingleTransport {

        /** The namespace (XEP-0261 §6). */
        public static final String NAMESPACE = "urn:xmpp:jingle:transports:ibb:1";

        public Ibb {
            Objects.requireNonNull(sid, "sid");
            if (blockSize < 1 || blockSize > 65535) {
                throw new IllegalArgumentException("block-size is 1 to 65535: " + blockSize);
            }
        }
    }

    /**
     * XEP-0260's transport: candidates, or one of the transport-info payloads.
     *
     * @param sid             the bytestream id
     * @param dstaddr         the DST.ADDR when given
     * @param mode            {@code tcp} (the default when absent) or {@code udp}
     * @param candidates      the offered candidates
     * @param candidateUsed   the cid of the candidate the sender connected to
     * @param candidateError  whether the sender reached none
     * @param activated       the cid of the proxy candidate activated
     * @param proxyError      whether the proxy failed
     */
    record Socks5(String sid, Option<String> dstaddr, Option<String> mode, Seq<Candidate> candidates, Option<String> candidateUsed,
                  boolean candidateError, Option<String> activated, boolean proxyError) implements JingleTransport {

        /** The namespace (XEP-0260 §10). */
        public static final String NAMESPACE = "urn:xmpp:jingle:transports:s5b:1";

        public Socks5 {
            Objects.requireNonNull(sid, "sid");
            Objects.requireNonNull(dstaddr, "dstaddr");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(candidates, "candidates");
            Objects.requireNonNull(candidateUsed, "candidateUsed");
            Objects.requireNonNull(activated, "activated");
        }
    }

    /**
     * A XEP-0260 {@code <candidate/>}.
     *
     * @param cid      its id
     * @param host     its address
     * @param jid      the JID of the streamhost
     * @param port     its port
     * @param priority its priority (higher first)
     * @param type     {@code direct}, {@code assisted}, {@code tunnel} or {@code proxy}
     */
    record Candidate(String cid, String host, dev.starling.model.jid.Jid jid, Option<Integer> port, long priority, String type) {
        public Candidate {
            Objects.requireNonNull(cid, "cid");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(type, "type");
        }
    }

    /** A transport this engine does not model. */
    record Other(dev.starling.model.element.Element element) implements JingleTransport {
    }
}
