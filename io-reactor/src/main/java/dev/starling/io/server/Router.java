package dev.starling.io.server;

import dev.starling.io.session.RandomTokens;
import dev.starling.io.session.SessionHandle;
import dev.starling.io.store.AccountStore;
import dev.starling.machine.im.AccountEntity;
import dev.starling.machine.im.AccountInput;
import dev.starling.machine.presence.SubscriptionType;
import dev.starling.model.blocking.BlockingCommand;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.roster.RosterQuery;
import dev.starling.machine.routing.BindingDecision;
import dev.starling.machine.routing.ConflictPolicy;
import dev.starling.machine.routing.ResourceBinding;
import dev.starling.machine.session.BindingRequest;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import io.vavr.collection.HashSet;
import io.vavr.control.Either;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's router: which sessions are bound to which full JIDs, and where a stanza goes
 * (RFC 6120 §10). It is one entity with its own serialized queue: every operation runs on a
 * single router thread, so bindings are decided atomically without locks. Stanzas reach their
 * sessions through the sessions' own bounded queues; a full queue answers the sender with
 * {@code resource-constraint}. Everything a session sends to someone else goes to the sender's
 * account entity first (roster and blocking requests, presence, messages, IQs), and what that
 * entity sends on goes to the addressee's entity ({@link AccountEntities}; RFC 6121 §2 to §4,
 * §8.5, XEP-0191), which delivers it to the account's sessions or answers for the account.
 */
public final class Router implements AutoCloseable {

    private final Jid domain;
    private final ConflictPolicy policy;
    private final int maxSessionsPerAccount;
    private final Scheduler thread;
    private final Map<Jid, LinkedHashMap<String, SessionHandle>> accounts = new HashMap<>(); // router thread only
    private final AccountEntities entities;
    private final Map<String, java.util.function.Consumer<Stanza>> components = new java.util.concurrent.ConcurrentHashMap<>();
    /** The payloads of the data the server keeps for an account: vCard (XEP-0054) and private storage (XEP-0049). */
    private static final io.vavr.collection.Set<QName> ACCOUNT_DATA = io.vavr.collection.HashSet.of(
            QName.of("vcard-temp", "vCard"), QName.of("jabber:iq:private", "query"));

    /**
     * A router for one domain.
     *
     * @param domain                the served domain
     * @param policy                the resource conflict policy (RFC 6120 §7.7.2.2)
     * @param maxSessionsPerAccount how many sessions one account may bind at once
     * @param store                 the accounts, with their rosters and offline messages
     * @param limits                the account entities' limits (roster, offline storage, accounts kept loaded, inputs queued)
     * @param clock                 the clock the account entities read
     * @param random                the randomness they read (push ids)
     * @param thread                the one thread the router runs on (the server gives it one of its event loops, so
     *                              that a stanza between sessions of that loop never changes threads)
     */
    public Router(Jid domain, ConflictPolicy policy, int maxSessionsPerAccount, AccountStore store, EntityLimits limits,
                  java.time.Clock clock, RandomTokens random, Scheduler thread) {
        this.domain = domain;
        this.thread = thread;
        this.policy = policy;
        this.maxSessionsPerAccount = maxSessionsPerAccount;
        this.entities = new AccountEntities(store, limits, thread, clock, random, this::toResource, this::fromAccount);
    }

    /** Decides and records a binding; a replaced session gets a {@code conflict} stream error. */
    public Mono<Either<StanzaError, Jid>> bind(SessionHandle session, BindingRequest request) {
        return Mono.fromSupplier(() -> {
            LinkedHashMap<String, SessionHandle> bound = accounts.computeIfAbsent(request.account(), a -> new LinkedHashMap<>());
            BindingDecision decision = ResourceBinding.decide(request, HashSet.ofAll(bound.keySet()), policy, maxSessionsPerAccount);
            decision.evict().forEach(full -> {
                SessionHandle old = bound.remove(full.resource().get());
                if (old != null) {
                    old.offer(new SessionInput.Terminate(StreamError.of(StreamErrorCondition.CONFLICT,
                            "another session bound this resource (RFC 6120 §7.7.2.2)")));
                }
            });
            decision.outcome().forEach(full -> {
                bound.put(full.resource().get(), session);
                entities.offer(full.bare(), new AccountInput.ResourceBound(full.resource().get()));
            });
            if (bound.isEmpty()) {
                accounts.remove(request.account());
            }
            return decision.outcome();
        }).subscribeOn(thread);
    }

    /** Forgets a session that ended; its account no longer counts it as available (RFC 6121 §4.5). */
    public void unbind(SessionHandle session, Jid full) {
        thread.schedule(() -> {
            LinkedHashMap<String, SessionHandle> bound = accounts.get(full.bare());
            if (bound != null && bound.get(full.resource().getOrElse("")) == session) {
                bound.remove(full.resource().get());
                if (bound.isEmpty()) {
                    accounts.remove(full.bare());
                }
                entities.offer(full.bare(), new AccountInput.ResourceGone(full.resource().get()));
            }
        });
    }

    /** Ends every session of the account except the one asking, with this stream error (XEP-0077 §3.2). */
    public void endAccountSessions(SessionHandle asking, Jid account, StreamError error) {
        thread.schedule(() -> {
            LinkedHashMap<String, SessionHandle> bound = accounts.getOrDefault(account.bare(), new LinkedHashMap<>());
            bound.values().stream().filter(session -> session != asking)
                    .forEach(session -> session.offer(new SessionInput.Terminate(error)));
        });
    }

    /**
     * Serves a component's domain (such as the bytestream proxy's {@code proxy.<domain>}): stanzas to
     * it go to {@code handler}, on the router's thread.
     */
    public void attach(String componentDomain, java.util.function.Consumer<Stanza> handler) {
        components.put(componentDomain, handler);
    }

    /** Routes a stanza a component sends to a local address, as if an account had sent it on. */
    public void fromComponent(Stanza stanza) {
        thread.schedule(() -> fromAccount(stanza));
    }

    /** The router's thread, for the components that run their machines on it. */
    public Scheduler thread() {
        return thread;
    }

    /** Routes a stanza whose 'from' the sending session stamped. */
    public void route(SessionHandle sender, Stanza stanza) {
        thread.schedule(() -> deliver(sender, stanza));
    }

    /** The sessions bound right now, for diagnostics. */
    public Mono<Integer> sessionCount() {
        return Mono.fromSupplier(() -> accounts.values().stream().mapToInt(Map::size).sum()).subscribeOn(thread);
    }

    private void deliver(SessionHandle sender, Stanza stanza) {
        if (forAccount(stanza)) {
            return;
        }
        Option<Jid> to = stanza.to();
        if (to.isEmpty()) {
            return; // the session machine answers stanzas without 'to' itself
        }
        Jid target = to.get();
        if (target.equals(domain)) {
            if (stanza instanceof Message) {
                bounce(sender, stanza, StanzaErrorCondition.SERVICE_UNAVAILABLE, "the server takes no messages");
            }
            return;
        }
        entities.offer(stanza.from().get().bare(), new AccountInput.OutboundStanza(stanza)); // the sender's blocklist first (XEP-0191)
    }

    /**
     * Hands the sender's account entity what is its to handle (RFC 6121, XEP-0191, XEP-0013): roster,
     * blocking, privacy, storage and offline requests, subscription stanzas and all other presence (broadcast or directed). The session machine
     * decided that these are the account's; this only finds the account.
     */
    private boolean forAccount(Stanza stanza) {
        Jid from = stanza.from().get();
        if (stanza instanceof Iq iq && iq.payload().getOrNull() instanceof RosterQuery query && iq.type().isRequest()
                && iq.to().forAll(to -> to.equals(from.bare()))) {
            entities.offer(from.bare(), new AccountInput.RosterRequest(from.resource().get(), iq, query));
            return true;
        }
        if (stanza instanceof Iq iq && iq.payload().getOrNull() instanceof BlockingCommand command && iq.type().isRequest()
                && iq.to().forAll(to -> to.equals(from.bare()))) {
            entities.offer(from.bare(), new AccountInput.BlockingRequest(from.resource().get(), iq, command));
            return true;
        }
        if (stanza instanceof Iq iq && iq.type().isRequest() && iq.to().forAll(to -> to.equals(from.bare()))
                && iq.payload().exists(p -> p instanceof Element e && ACCOUNT_DATA.contains(e.name()))) {
            entities.offer(from.bare(), new AccountInput.StorageRequest(from.resource().get(), iq));
            return true;
        }
        if (stanza instanceof Iq iq && iq.payload().getOrNull() instanceof dev.starling.model.privacy.PrivacyQuery query && iq.type().isRequest()
                && iq.to().forAll(to -> to.equals(from.bare()))) {
            entities.offer(from.bare(), new AccountInput.PrivacyRequest(from.resource().get(), iq, query));
            return true;
        }
        if (stanza instanceof Iq iq && AccountEntity.isOfflineRequest(iq) && iq.to().forAll(to -> to.equals(from.bare()))) {
            entities.offer(from.bare(), new AccountInput.OfflineRequest(from.resource().get(), iq));
            return true;
        }
        if (stanza instanceof Presence presence && presence.type().flatMap(SubscriptionType::of).isDefined()) {
            entities.offer(from.bare(), new AccountInput.OutboundSubscription(presence));
            return true;
        }
        if (stanza instanceof Presence presence) {
            entities.offer(from.bare(), new AccountInput.OutboundPresence(presence));
            return true;
        }
        return false;
    }

    /** A stanza an account entity addressed to one of its account's sessions; a full session queue bounces it. */
    private void toResource(Jid full, Stanza stanza) {
        SessionHandle session = accounts.getOrDefault(full.bare(), new LinkedHashMap<>()).get(full.resource().get());
        if (session != null && !session.offer(new SessionInput.Deliver(stanza))) {
            StanzaReplies.error(stanza, StanzaError.of(StanzaErrorCondition.RESOURCE_CONSTRAINT).withText("the recipient is overloaded"))
                    .forEach(this::fromAccount);
        }
    }

    /**
     * A stanza an account entity sends on: for a local account it goes to that account's entity.
     * This server does not federate yet, so a stanza for another domain comes back to its sender
     * as remote-server-not-found (RFC 6121 §3.1.2, Example 35), except broadcast presence, which
     * is dropped.
     */
    private void fromAccount(Stanza stanza) {
        Jid to = stanza.to().get();
        java.util.function.Consumer<Stanza> component = components.get(to.domain());
        if (component != null) {
            component.accept(stanza);
            return;
        }
        if (!to.domain().equals(domain.domain())) {
            boolean broadcast = stanza instanceof Presence presence && presence.type().flatMap(SubscriptionType::of).isEmpty();
            if (!broadcast) {
                StanzaReplies.error(stanza, StanzaError.of(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND).withText("this server does not federate"))
                        .forEach(this::fromAccount);
            }
            return;
        }
        if (to.isDomain()) {
            return; // the server's own stanzas are answered by the sessions
        }
        if (stanza instanceof Presence presence) {
            entities.offer(to.bare(), presence.type().flatMap(SubscriptionType::of).isDefined()
                    ? new AccountInput.InboundSubscription(presence) : new AccountInput.InboundPresence(presence));
        } else if (stanza instanceof Message message) {
            entities.offer(to.bare(), new AccountInput.InboundMessage(message)); // RFC 6121 §8.5: the account decides
        } else {
            entities.offer(to.bare(), new AccountInput.InboundIq((Iq) stanza));
        }
    }

    private void bounce(SessionHandle sender, Stanza stanza, StanzaErrorCondition condition, String text) {
        StanzaError error = text.isEmpty() ? StanzaError.of(condition) : StanzaError.of(condition).withText(text);
        StanzaReplies.error(stanza, error).forEach(reply -> sender.offer(new SessionInput.Deliver(reply)));
    }

    @Override
    public void close() {
        thread.dispose();
    }
}
