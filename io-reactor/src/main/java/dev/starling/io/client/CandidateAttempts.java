package dev.starling.io.client;

import dev.starling.io.bytestreams.Socks5Connector;
import dev.starling.model.jingle.JingleTransport;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Tries a peer's Jingle SOCKS5 candidates (XEP-0260 §2.3), one after the other in the order
 * given, for either party of a session.
 */
final class CandidateAttempts {

    private CandidateAttempts() {
    }

    /**
     * The first candidate that completes the SOCKS5 handshake with this DST.ADDR, with its
     * connection; none when none does. The next is tried only when one fails (no cancellation
     * closes a connection that succeeded).
     */
    static Mono<Option<Tuple2<String, Connection>>> firstReachable(Seq<JingleTransport.Candidate> left, String dstAddr) {
        if (left.isEmpty()) {
            return Mono.just(Option.none());
        }
        JingleTransport.Candidate candidate = left.head();
        return Socks5Connector.connect(candidate.host(), candidate.port().getOrElse(1080), dstAddr, ClientFileTransfer.PER_HOST)
                .map(connection -> Option.some(Tuple.of(candidate.cid(), connection)))
                .onErrorResume(error -> firstReachable(left.tail(), dstAddr));
    }
}
