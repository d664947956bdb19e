package dev.starling.machine.roster;

import dev.starling.model.jid.Jid;
import dev.starling.model.roster.ItemSubscription;
import dev.starling.model.roster.RosterItem;
import dev.starling.model.roster.RosterQuery;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The roster as a client keeps it, with its version (RFC 6121 §2.6, client side). Pure: the
 * client asks with {@link #request}, applies the result with {@link #onResult} and every push
 * with {@link #onPush}; the application may store the cache and start the next session from it.
 * <ul>
 *   <li>§2.6.2: with a server that announced versioning, the get carries the cached version, or
 *       the empty string for a client that has none; without it, no 'ver' at all.</li>
 *   <li>§2.6.3: a result with a roster replaces the cache; an empty result means the cache is
 *       current but for the pushes that follow, each of which is applied and brings its version.</li>
 *   <li>A push with {@code subscription='remove'} deletes the item (§2.5.2).</li>
 * </ul>
 *
 * @param ver   the version of {@code items}, as the server last gave it; none if never given
 * @param items the roster, in the server's order
 */
public record RosterCache(Option<String> ver, Map<Jid, RosterItem> items) {

    public RosterCache {
        Objects.requireNonNull(ver, "ver");
        Objects.requireNonNull(items, "items");
    }

    /** No roster known. */
    public static RosterCache empty() {
        return new RosterCache(Option.none(), LinkedHashMap.empty());
    }

    /** A cache stored by an earlier session. */
    public static RosterCache of(String ver, Seq<RosterItem> items) {
        return new RosterCache(Option.some(ver), LinkedHashMap.ofEntries(items.map(item -> io.vavr.Tuple.of(item.jid(), item))));
    }

    /** The roster get to send (§2.1.3, §2.6.2). */
    public RosterQuery request(boolean serverVersions) {
        return serverVersions ? RosterQuery.get().withVer(Option.some(ver.getOrElse(""))) : RosterQuery.get();
    }

    /** The cache after the result: a roster replaces it, no roster (the empty result of §2.6.3) keeps it. */
    public RosterCache onResult(Option<RosterQuery> result) {
        return result.map(query -> new RosterCache(query.ver(),
                LinkedHashMap.ofEntries(query.items().map(item -> io.vavr.Tuple.of(item.jid(), item))))).getOrElse(this);
    }

    /** The cache after a push (§2.1.6): its one item added, replaced or removed, and its version taken. */
    public RosterCache onPush(RosterQuery push) {
        Map<Jid, RosterItem> next = items;
        for (RosterItem item : push.items()) {
            next = item.effectiveSubscription() == ItemSubscription.REMOVE ? next.remove(item.jid()) : next.put(item.jid(), item);
        }
        return new RosterCache(push.ver().orElse(ver), next);
    }
}
