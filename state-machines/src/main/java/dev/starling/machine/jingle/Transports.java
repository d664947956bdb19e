package dev.starling.machine.jingle;

import dev.starling.model.jingle.JingleTransport;
import io.vavr.collection.Array;
import io.vavr.control.Option;

/** The SOCKS5 transport-info payloads of XEP-0260 §2.3 and §2.4 for a stream id. */
final class Transports {

    private Transports() {
    }

    static JingleTransport.Socks5 candidateUsed(String sid, String cid) {
        return new JingleTransport.Socks5(sid, Option.none(), Option.none(), Array.empty(), Option.some(cid), false, Option.none(), false);
    }

    static JingleTransport.Socks5 candidateError(String sid) {
        return new JingleTransport.Socks5(sid, Option.none(), Option.none(), Array.empty(), Option.none(), true, Option.none(), false);
    }

    static JingleTransport.Socks5 activated(String sid, String cid) {
        return new JingleTransport.Socks5(sid, Option.none(), Option.none(), Array.empty(), Option.none(), false, Option.some(cid), false);
    }

    static JingleTransport.Socks5 proxyError(String sid) {
        return new JingleTransport.Socks5(sid, Option.none(), Option.none(), Array.empty(), Option.none(), false, Option.none(), true);
    }
}
