package dev.starling.machine.roster;

import dev.starling.machine.presence.Subscription;
import dev.starling.machine.presence.SubscriptionOutcome;
import dev.starling.machine.presence.SubscriptionType;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.ItemSubscription;
import dev.starling.model.roster.RosterItem;
import dev.starling.model.roster.RosterQuery;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * A user's roster as the server keeps it, RFC 6121 §2, with the subscription state of every
 * contact (Appendix A). Every change that is pushed raises the version (§2.6); deletions leave a
 * tombstone so that a client with an older version gets interim pushes instead of the whole
 * roster (§2.6.3). A contact who asked for a subscription but is not in the roster is kept
 * aside, without an item (§3.1.3: "None + Pending In" MUST NOT create one).
 *
 * @param version   the current version, shown as {@code ver<version>}; 0 for a roster that never changed
 * @param entries   the items, in the order they were added
 * @param removed   contacts deleted, with the version of their deletion
 * @param horizon   versions before this cannot be answered with interim pushes (tombstones were pruned)
 * @param unlisted  subscription states of contacts that are not in the roster (pending inbound requests)
 */
public record Roster(long version, LinkedHashMap<Jid, RosterEntry> entries, Map<Jid, Long> removed, long horizon,
                     Map<Jid, Subscription> unlisted) {

    private static final String VER_PREFIX = "ver";

    public Roster {
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(removed, "removed");
        Objects.requireNonNull(unlisted, "unlisted");
    }

    /** The roster of a new account. */
    public static Roster empty() {
        return new Roster(0, LinkedHashMap.empty(), HashMap.empty(), 0, HashMap.empty());
    }

    /** The version ID clients see (RFC 6121 §2.1.1): opaque to them, {@code ver} and a counter here. */
    public String ver() {
        return VER_PREFIX + version;
    }

    /** The subscription towards a contact, listed or not. */
    public Subscription subscription(Jid contact) {
        return entries.get(contact).map(RosterEntry::subscription).orElse(unlisted.get(contact)).getOrElse(Subscription.NONE);
    }

    /** The roster result (RFC 6121 §2.1.4): every item, with the version. */
    public RosterQuery result() {
        return new RosterQuery(Option.some(ver()), entries.values().map(RosterEntry::item).toArray());
    }

    /**
     * The interim pushes that bring a client from version {@code ver} to the current one (RFC
     * 6121 §2.6.3), oldest change first; none when {@code ver} is not a version this roster can
     * answer incrementally (then the client gets the whole roster).
     */
    public Option<Seq<RosterItem>> changesSince(String ver) {
        Option<Long> since = parse(ver).filter(v -> v >= horizon && v <= version);
        return since.map(v -> {
            Seq<io.vavr.Tuple2<Long, RosterItem>> changed = entries.values().filter(e -> e.modified() > v)
                    .map(e -> io.vavr.Tuple.of(e.modified(), e.item())).toArray();
            Seq<io.vavr.Tuple2<Long, RosterItem>> deleted = removed.filter(r -> r._2 > v)
                    .map(r -> io.vavr.Tuple.of(r._2, RosterItem.of(r._1).withSubscription(ItemSubscription.REMOVE))).toArray();
            return changed.appendAll(deleted).sortBy(io.vavr.Tuple2::_1).map(io.vavr.Tuple2::_2);
        });
    }

    /**
     * A roster set from the user (RFC 6121 §2.3.2, §2.4): adds or updates the item's name and
     * groups, never its subscription (an empty name is stored as none, §2.4.1); with
     * {@code subscription='remove'} deletes it (§2.5).
     * Errors per §2.3.3 and §2.5.3.
     */
    public Either<StanzaError, RosterChange> set(RosterItem requested, Jid user, RosterLimits limits) {
        if (requested.effectiveSubscription() == ItemSubscription.REMOVE) {
            return remove(requested.jid());
        }
        Option<StanzaError> problem = RosterSetRules.problem(requested, user, limits);
        if (problem.isDefined()) {
            return Either.left(problem.get());
        }
        Option<RosterEntry> existing = entries.get(requested.jid());
        if (existing.isEmpty() && entries.size() >= limits.maxItems()) {
            return Either.left(RosterSetRules.error(StanzaErrorCondition.RESOURCE_CONSTRAINT, "the roster is full"));
        }
        long next = version + 1;
        Option<String> name = requested.name().filter(n -> !n.isEmpty()); // §2.4.1: an empty name is the same as none
        RosterEntry entry = existing.map(e -> e.with(name, requested.groups(), next))
                .getOrElse(() -> new RosterEntry(requested.jid(), name, requested.groups(), subscription(requested.jid()), next));
        return Either.right(RosterChange.pushing(withEntry(entry, next), Array.of(entry.item())));
    }

    /**
     * Deletes an item (RFC 6121 §2.5.2): the contact is told it lost the user's presence and that
     * the user no longer wants its own, as far as either was granted or asked for, so that both
     * servers agree the subscription is gone.
     */
    public Either<StanzaError, RosterChange> remove(Jid contact) {
        Option<RosterEntry> existing = entries.get(contact);
        if (existing.isEmpty()) {
            return Either.left(RosterSetRules.error(StanzaErrorCondition.ITEM_NOT_FOUND, "no such item (RFC 6121 §2.5.3)"));
        }
        var state = existing.get().subscription().state();
        Seq<SubscriptionType> told = Array.<SubscriptionType>empty()
                .appendAll(state.to() || state.pendingOut() ? Array.of(SubscriptionType.UNSUBSCRIBE) : Array.empty())
                .appendAll(state.from() || state.pendingIn() ? Array.of(SubscriptionType.UNSUBSCRIBED) : Array.empty());
        long next = version + 1;
        Roster after = new Roster(next, entries.remove(contact), removed.put(contact, next), horizon, unlisted.remove(contact)).pruned();
        return Either.right(new RosterChange(after, Array.of(RosterItem.of(contact).withSubscription(ItemSubscription.REMOVE)), false,
                Option.none(), told));
    }

    /**
     * The user sends a subscription stanza to the contact (RFC 6121 §3.1.2, §3.2.2, §3.3.2, §3.4,
     * Appendix A.2). A "subscribe", or an approval or pre-approval of a contact not yet listed,
     * adds the contact to the roster (§3.1.2, §3.1.5, §3.4).
     */
    public RosterChange outbound(Jid contact, SubscriptionType type, boolean preApprovals) {
        SubscriptionOutcome outcome = subscription(contact).outbound(type, preApprovals);
        boolean lists = entries.containsKey(contact) || type == SubscriptionType.SUBSCRIBE
                || type == SubscriptionType.SUBSCRIBED && outcome.changed(subscription(contact));
        return applied(contact, outcome, lists);
    }

    /** A subscription stanza from the contact arrives for the user (RFC 6121 §3, Appendix A.3). */
    public RosterChange inbound(Jid contact, SubscriptionType type) {
        return applied(contact, subscription(contact).inbound(type), entries.containsKey(contact));
    }

    private RosterChange applied(Jid contact, SubscriptionOutcome outcome, boolean listed) {
        if (!listed) {
            Map<Jid, Subscription> aside = outcome.next().equals(Subscription.NONE)
                    ? unlisted.remove(contact) : unlisted.put(contact, outcome.next());
            Roster after = new Roster(version, entries, removed, horizon, aside);
            return new RosterChange(after, Array.empty(), outcome.forward(), outcome.autoReply(), Array.empty());
        }
        Option<RosterEntry> existing = entries.get(contact);
        if (existing.isDefined() && !outcome.changed(existing.get().subscription())) {
            return new RosterChange(this, Array.empty(), outcome.forward(), outcome.autoReply(), Array.empty());
        }
        long next = version + 1;
        RosterEntry entry = existing.map(e -> e.with(outcome.next(), next))
                .getOrElse(() -> new RosterEntry(contact, Option.none(), Array.empty(), outcome.next(), next));
        Roster after = new Roster(next, entries.put(contact, entry), removed.remove(contact), horizon, unlisted.remove(contact));
        return new RosterChange(after, Array.of(entry.item()), outcome.forward(), outcome.autoReply(), Array.empty());
    }

    private Roster withEntry(RosterEntry entry, long next) {
        return new Roster(next, entries.put(entry.contact(), entry), removed.remove(entry.contact()), horizon, unlisted.remove(entry.contact()));
    }

    /** Keeps at most as many tombstones as a roster can hold items; versions before the oldest pruned one need the whole roster. */
    private Roster pruned() {
        int keep = 1000;
        if (removed.size() <= keep) {
            return this;
        }
        Seq<io.vavr.Tuple2<Jid, Long>> byAge = removed.toArray().sortBy(io.vavr.Tuple2::_2);
        Seq<io.vavr.Tuple2<Jid, Long>> dropped = byAge.take(removed.size() - keep);
        return new Roster(version, entries, removed.removeAll(dropped.map(io.vavr.Tuple2::_1)), dropped.last()._2, unlisted);
    }

    private static Option<Long> parse(String ver) {
        if (!ver.startsWith(VER_PREFIX)) {
            return Option.none();
        }
        try {
            return Option.some(Long.parseLong(ver.substring(VER_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Option.none();
        }
    }
}
