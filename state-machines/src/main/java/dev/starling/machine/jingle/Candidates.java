package dev.starling.machine.jingle;

import dev.starling.model.bytestreams.DstAddr;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.jid.Jid;
import dev.starling.model.jingle.JingleTransport;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * XEP-0260's candidates: built from streamhosts with the priorities §2.3 suggests
 * ((2^16) x type preference + local preference; direct 126, proxy 10), ordered for trying
 * (highest priority first), and the DST.ADDR of a candidate (§2.2: SHA1(SID + the JID of the
 * party that offered it + the other party's JID)).
 */
public final class Candidates {

    /** The type preference of a direct candidate. */
    public static final int DIRECT = 126;
    /** The type preference of a proxy candidate. */
    public static final int PROXY = 10;

    private Candidates() {
    }

    /**
     * Candidates for these streamhosts, in order: a host whose JID is the offering party's own is
     * direct, any other a proxy; earlier hosts of a type get a higher local preference.
     *
     * @param cids one candidate id per host, drawn by the caller
     */
    public static Seq<JingleTransport.Candidate> of(Seq<Streamhost> hosts, Jid self, Seq<String> cids) {
        return hosts.zipWithIndex().map(hostAndIndex -> {
            Streamhost host = hostAndIndex._1;
            int index = hostAndIndex._2;
            boolean direct = host.jid().equals(self);
            long priority = (1L << 16) * (direct ? DIRECT : PROXY) + (65535 - index);
            return new JingleTransport.Candidate(cids.get(index), host.host(), host.jid(), Option.some(host.port()), priority,
                    direct ? "direct" : "proxy");
        });
    }

    /** The order to try a peer's candidates in: highest priority first (§2.3). */
    public static Seq<JingleTransport.Candidate> inTryingOrder(Seq<JingleTransport.Candidate> candidates) {
        return candidates.sortBy(candidate -> -candidate.priority());
    }

    /** DST.ADDR for candidates offered by {@code offerer} to {@code other} (§2.2). */
    public static String dstAddr(String sid, Jid offerer, Jid other) {
        return DstAddr.of(sid, offerer, other);
    }

    /** The streamhost a candidate stands for (to connect to it as XEP-0065 does). */
    public static Streamhost streamhost(JingleTransport.Candidate candidate) {
        return new Streamhost(candidate.jid(), candidate.host(), candidate.port().getOrElse(1080)); // RFC 1928's port when none is given
    }
}
