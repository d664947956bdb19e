package dev.starling.io.client;

import dev.starling.model.jid.Jid;
import dev.starling.model.roster.ItemSubscription;
import dev.starling.model.roster.RosterItem;
import dev.starling.model.roster.RosterQuery;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The account's roster from the client's side (RFC 6121 §2, §3): a snapshot kept current by the
 * roster result and every push, the pushes as a stream of changes, and the subscription
 * requests contacts send, for the application to approve or deny. Pushes arrive only from the
 * account's own server: the session acknowledges them and drops any other (§2.1.6).
 */
public final class ClientRoster {

    private final XmppClient client;
    private final AtomicReference<dev.starling.machine.roster.RosterCache> cache =
            new AtomicReference<>(dev.starling.machine.roster.RosterCache.empty());
    private final Sinks.Many<RosterItem> changes = Sinks.many().multicast().directBestEffort();

    ClientRoster(XmppClient client, Flux<dev.starling.model.stanza.Stanza> stanzas) {
        this.client = client;
        stanzas.subscribe(stanza -> {
            if (stanza instanceof Iq iq && iq.type() == IqType.SET && iq.payload().getOrNull() instanceof RosterQuery push) {
                cache.updateAndGet(current -> current.onPush(push));
                push.items().forEach(changes::tryEmitNext);
            }
        });
    }

    /**
     * Requests the roster (RFC 6121 §2.2) and makes it the snapshot; completes with its items.
     * With a server that announced versioning (§2.6.1) the request carries the version this
     * session already has, so a second load may come back empty and the changes as pushes.
     */
    public Mono<Seq<RosterItem>> load() {
        return load(cache.get());
    }

    /**
     * Starts from a roster an earlier session kept ({@link #cache()}, stored by the application)
     * and asks only for what changed since its version (§2.6.3): the result is either the whole
     * roster or empty, and then the interim pushes follow, each applied as it arrives.
     */
    public Mono<Seq<RosterItem>> load(dev.starling.machine.roster.RosterCache cached) {
        return Mono.defer(() -> {
            cache.set(cached);
            return client.request(IqType.GET, Option.none(), cached.request(client.rosterVersioning()))
                    .map(result -> cache.updateAndGet(current -> current.onResult(result.firstChild(RosterQuery.class))).items().values().toArray());
        });
    }

    /** The roster as the last result and the pushes since make it. */
    public Map<Jid, RosterItem> snapshot() {
        return cache.get().items();
    }

    /** The roster with its version, for the application to keep and pass to {@link #load(dev.starling.machine.roster.RosterCache)} next time. */
    public dev.starling.machine.roster.RosterCache cache() {
        return cache.get();
    }

    /**
     * The snapshot's groups as a tree (XEP-0083 §3.2): with a delimiter such as {@code ::}, the
     * group {@code Midsummer::Actors} is Actors inside Midsummer; with none, every group is flat.
     * Read the delimiter with {@link ClientStorage#rosterDelimiter()} before the roster (§2).
     */
    public dev.starling.machine.roster.NestedGroups.Group groups(Option<String> delimiter) {
        return dev.starling.machine.roster.NestedGroups.tree(cache.get().items().values().toArray(), delimiter);
    }

    /** Every pushed change from now on: added or updated items, and removals ({@code subscription='remove'}). */
    public Flux<RosterItem> changes() {
        return changes.asFlux();
    }

    /** Adds or updates a contact's name and groups (RFC 6121 §2.3, §2.4); completes when the server accepted it. */
    public Mono<Void> put(Jid contact, Option<String> name, Seq<String> groups) {
        return client.request(IqType.SET, Option.none(), RosterQuery.of(RosterItem.of(contact.bare()).withName(name).withGroups(groups)))
                .then();
    }

    /** Deletes a contact (RFC 6121 §2.5); the server also cancels the subscriptions both ways. */
    public Mono<Void> remove(Jid contact) {
        return client.request(IqType.SET, Option.none(), RosterQuery.of(RosterItem.of(contact.bare())
                .withSubscription(ItemSubscription.REMOVE))).then();
    }

    /** Asks to see the contact's presence (RFC 6121 §3.1.1). */
    public Mono<Void> subscribe(Jid contact) {
        return send(PresenceType.SUBSCRIBE, contact);
    }

    /** Lets the contact see the account's presence: approves a request, or pre-approves one (RFC 6121 §3.1.4, §3.4). */
    public Mono<Void> approve(Jid contact) {
        return send(PresenceType.SUBSCRIBED, contact);
    }

    /** Refuses a request, or cancels the contact's subscription (RFC 6121 §3.1.4, §3.2.1). */
    public Mono<Void> deny(Jid contact) {
        return send(PresenceType.UNSUBSCRIBED, contact);
    }

    /** Stops seeing the contact's presence (RFC 6121 §3.3.1). */
    public Mono<Void> unsubscribe(Jid contact) {
        return send(PresenceType.UNSUBSCRIBE, contact);
    }

    /** The contacts that ask to see the account's presence, from now on (RFC 6121 §3.1.3). */
    public Flux<Jid> subscriptionRequests() {
        return client.stanzas().ofType(Presence.class).filter(p -> p.type().contains(PresenceType.SUBSCRIBE))
                .flatMap(p -> Mono.justOrEmpty(p.from().map(Jid::bare).toJavaOptional()));
    }

    /**
     * What contacts do with subscriptions, from now on (RFC 6121 §3): a request
     * ({@code subscribe}), an approval ({@code subscribed}, §3.1.5), a contact that stops seeing
     * the account's presence ({@code unsubscribe}, §3.3.3) or cancels or refuses the account's
     * subscription ({@code unsubscribed}, §3.1.5, §3.2.3). The roster push that follows tells the
     * resulting state.
     */
    public Flux<SubscriptionNotice> subscriptionNotices() {
        return client.stanzas().ofType(Presence.class)
                .filter(p -> p.from().isDefined() && p.type().exists(SubscriptionNotice.TYPES::contains))
                .map(p -> new SubscriptionNotice(p.from().get().bare(), p.type().get()));
    }

    /**
     * One subscription stanza from a contact.
     *
     * @param contact the contact's bare JID
     * @param type    {@code subscribe}, {@code subscribed}, {@code unsubscribe} or {@code unsubscribed}
     */
    public record SubscriptionNotice(Jid contact, PresenceType type) {
        static final io.vavr.collection.Set<PresenceType> TYPES = io.vavr.collection.HashSet.of(
                PresenceType.SUBSCRIBE, PresenceType.SUBSCRIBED, PresenceType.UNSUBSCRIBE, PresenceType.UNSUBSCRIBED);
    }

    private Mono<Void> send(PresenceType type, Jid contact) {
        return client.send(Presence.of(type).withTo(Option.some(contact.bare())));
    }

}
