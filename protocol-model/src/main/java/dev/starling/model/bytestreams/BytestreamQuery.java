package dev.starling.model.bytestreams;

import dev.starling.model.Extension;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The {@code <query xmlns='http://jabber.org/protocol/bytestreams'/>} of XEP-0065 in its forms:
 * empty (a request for a proxy's address, §4), with streamhosts (a proxy's answer, or a
 * requester's offer with a 'sid', §5.3.1, §6.3.1), with {@code <streamhost-used/>} (the target's
 * answer, §5.3.3) or with {@code <activate/>} (the requester asks the proxy to relay, §6.3.5).
 *
 * @param sid         the stream id, none in the proxy exchange of §4
 * @param mode        "tcp" (the default) or "udp"
 * @param dstaddr     the requester's DST.ADDR hash, for a target behind a room (§7)
 * @param streamhosts the streamhosts, in the requester's order of preference
 * @param used        the streamhost the target connected to
 * @param activate    the target whose bytestream the proxy is to activate
 */
public record BytestreamQuery(Option<String> sid, String mode, Option<String> dstaddr, Seq<Streamhost> streamhosts,
                              Option<Jid> used, Option<Jid> activate) implements Extension {

    /** The namespace (XEP-0065 §11). */
    public static final String NAMESPACE = "http://jabber.org/protocol/bytestreams";

    public BytestreamQuery {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(dstaddr, "dstaddr");
        Objects.requireNonNull(streamhosts, "streamhosts");
        Objects.requireNonNull(used, "used");
        Objects.requireNonNull(activate, "activate");
    }

    /** The empty query: a proxy's network address, please (§4, Example 7). */
    public static BytestreamQuery addressRequest() {
        return new BytestreamQuery(Option.none(), "tcp", Option.none(), Array.empty(), Option.none(), Option.none());
    }

    /** A proxy's answer with its streamhosts (§4, Example 8). */
    public static BytestreamQuery address(Seq<Streamhost> streamhosts) {
        return new BytestreamQuery(Option.none(), "tcp", Option.none(), streamhosts, Option.none(), Option.none());
    }

    /** A requester's offer of streamhosts for a stream (§5.3.1, §6.3.1). */
    public static BytestreamQuery offer(String sid, Seq<Streamhost> streamhosts) {
        return new BytestreamQuery(Option.some(sid), "tcp", Option.none(), streamhosts, Option.none(), Option.none());
    }

    /** The target's answer naming the streamhost it connected to (§5.3.3, §6.3.3). */
    public static BytestreamQuery used(String sid, Jid streamhost) {
        return new BytestreamQuery(Option.some(sid), "tcp", Option.none(), Array.empty(), Option.some(streamhost), Option.none());
    }

    /** The requester's request to the proxy to relay the stream to the target (§6.3.5). */
    public static BytestreamQuery activation(String sid, Jid target) {
        return new BytestreamQuery(Option.some(sid), "tcp", Option.none(), Array.empty(), Option.none(), Option.some(target));
    }
}
