package dev.starling.machine.blocking;

import dev.starling.model.jid.Jid;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;

import java.util.Objects;

/**
 * The JIDs an account blocks (XEP-0191), in the order they were blocked. A blocked item matches
 * as XEP-0191 §5 (and XEP-0016 §2.1) say: a full JID only itself; a bare JID every resource of it;
 * a domain with a resource only that; a domain the domain itself and every JID at it.
 *
 * @param jids the blocked items
 */
public record Blocklist(Set<Jid> jids) {

    /** Nothing blocked. */
    public static final Blocklist EMPTY = new Blocklist(LinkedHashSet.empty());

    public Blocklist {
        Objects.requireNonNull(jids, "jids");
    }

    /** Whether stanzas from or to {@code jid} are blocked. */
    public boolean blocks(Jid jid) {
        return jids.exists(item -> item.covers(jid));
    }

    /** The list with these JIDs added. */
    public Blocklist block(Seq<Jid> more) {
        return new Blocklist(jids.addAll(more));
    }

    /** The list without these JIDs. */
    public Blocklist unblock(Seq<Jid> fewer) {
        return new Blocklist(jids.removeAll(fewer));
    }
}
