package dev.starling.io.server;

import dev.starling.io.session.RandomTokens;
import dev.starling.io.store.AccountStore;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.im.AccountEntity;
import dev.starling.machine.im.AccountInput;
import dev.starling.machine.im.AccountOutput;
import dev.starling.machine.im.AccountState;
import dev.starling.machine.im.OfflineQueue;
import dev.starling.machine.im.Overload;
import dev.starling.model.jid.Jid;
import io.vavr.control.Option;
import dev.starling.model.stanza.Stanza;
import io.vavr.collection.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The shell around the per-account {@link AccountEntity} machines: it loads an account (whether it
 * exists, its roster, blocklist, vCard and private data, how many messages wait offline) from the {@link AccountStore} on first use,
 * feeds each account's inputs to its machine one at a time in arrival order, and performs the
 * outputs in order, waiting for each store write to be durable, and for stored messages to be
 * handed to their session, before the outputs after it. Everything runs on the router's thread; inputs that
 * arrive while an account loads or saves wait in that account's queue. A failed save drops the
 * change and everything that depended on it (the request goes unanswered, and its sender's IQ
 * times out); the account then reloads what the store holds. Memory is bounded by
 * {@link EntityLimits}: an account with no connected session is kept loaded after its last input
 * only while it is among the {@code idleAccounts} most recently used such accounts, and at most
 * {@code queuedInputs} inputs wait per account (beyond that, {@link Overload} says what a stanza
 * gets). No protocol decision here.
 */
final class AccountEntities {

    private static final Logger LOG = LoggerFactory.getLogger(AccountEntities.class);

    private final AccountStore store;
    private final EntityLimits limits;
    private final Scheduler thread;
    private final Clock clock;
    private final RandomTokens random;
    private final BiConsumer<Jid, Stanza> toResource;
    private final Consumer<Stanza> toContact;
    private final Map<Jid, Slot> slots = new HashMap<>(); // router thread only
    private final LinkedHashMap<Jid, Slot> idle = new LinkedHashMap<>(); // loaded, no session, nothing to do: oldest first

    /** One account: its state once loaded, its waiting inputs, and whether a step is being performed. */
    private static final class Slot {
        AccountState state;
        final ArrayDeque<AccountInput> waiting = new ArrayDeque<>();
        boolean busy;
    }

    /**
     * @param toResource delivers a stanza to one bound session (full JID)
     * @param toContact  routes a stanza the server sends on an account's behalf
     */
    AccountEntities(AccountStore store, EntityLimits limits, Scheduler thread, Clock clock, RandomTokens random,
                    BiConsumer<Jid, Stanza> toResource, Consumer<Stanza> toContact) {
        this.store = store;
        this.limits = limits;
        this.thread = thread;
        this.clock = clock;
        this.random = random;
        this.toResource = toResource;
        this.toContact = toContact;
    }

    /** Queues an input for the account; call on the router thread. */
    void offer(Jid account, AccountInput input) {
        Slot slot = slots.computeIfAbsent(account.bare(), a -> new Slot());
        idle.remove(account.bare());
        if (slot.waiting.size() >= limits.queuedInputs() && Overload.refusable(input)) {
            perform(account.bare(), Overload.refusal(input));
            return;
        }
        slot.waiting.add(input);
        if (slot.busy) {
            return;
        }
        if (slot.state == null) {
            slot.busy = true;
            String username = account.local().get();
            Mono.zip(store.rosters().load(username), store.blocklists().load(username), store.data().load(username),
                            store.credentials(username).map(found -> found.isDefined()), store.offline().list(username))
                    .publishOn(thread).subscribe(loaded -> {
                        slot.state = AccountState.of(account, loaded.getT1(), loaded.getT2(), loaded.getT3().remove(PrivacyStorage.KEY), loaded.getT4(),
                                OfflineQueue.of(loaded.getT5()), PrivacyStorage.read(loaded.getT3()));
                        slot.busy = false;
                        drain(slot);
                    }, error -> {
                LOG.error("cannot load the roster of {}: {} requests dropped unanswered (their senders time out)", account,
                        slot.waiting.size(), error);
                slots.remove(account.bare(), slot);
            });
            return;
        }
        drain(slot);
    }

    private void drain(Slot slot) {
        while (!slot.busy && !slot.waiting.isEmpty()) {
            Step<AccountState, AccountOutput> step = AccountEntity.step(slot.state, slot.waiting.poll(), limits.account(),
                    Fresh.drawnOnUse(clock.instant(), random::token));
            slot.state = step.state();
            perform(slot, List.ofAll(step.outputs()));
        }
        settle(slot);
    }

    /** An account with nothing to do and no session joins the idle ones; the least recently used beyond the limit is dropped. */
    private void settle(Slot slot) {
        if (slot.busy || !slot.waiting.isEmpty() || !slot.state.connected().isEmpty()) {
            return;
        }
        Jid account = slot.state.account();
        idle.put(account, slot);
        for (Iterator<Map.Entry<Jid, Slot>> oldest = idle.entrySet().iterator(); idle.size() > limits.idleAccounts(); ) {
            Map.Entry<Jid, Slot> dropped = oldest.next();
            oldest.remove();
            slots.remove(dropped.getKey(), dropped.getValue());
        }
    }

    /** Performs outputs that need no state and no store: a refusal's. */
    private void perform(Jid account, io.vavr.collection.Seq<AccountOutput> outputs) {
        outputs.forEach(output -> deliver(account, output));
    }

    /** Hands a stanza output to its session or to the router; other outputs are not stanzas. */
    private void deliver(Jid account, AccountOutput output) {
        if (output instanceof AccountOutput.ToResource to) {
            toResource.accept(account.withResource(to.resource()).get(), to.stanza());
        } else if (output instanceof AccountOutput.ToContact to) {
            toContact.accept(to.stanza());
        }
    }

    /** Performs outputs in order; a store write suspends the rest (and the account's queue) until done. */
    private void perform(Slot slot, List<AccountOutput> outputs) {
        for (List<AccountOutput> rest = outputs; !rest.isEmpty(); rest = rest.tail()) {
            AccountOutput output = rest.head();
            Mono<Void> work = asynchronous(slot.state.account(), output);
            if (work != null) {
                slot.busy = true;
                List<AccountOutput> after = rest.tail();
                Jid account = slot.state.account();
                work.publishOn(thread).subscribe(null, error -> {
                    // nothing that depended on the write is sent; the account reloads what the store holds
                    LOG.error("store failure for {}: the change is dropped and what depended on it is not sent", account, error);
                    slots.remove(account, slot);
                    slot.waiting.forEach(input -> offer(account, input));
                }, () -> {
                    slot.busy = false;
                    perform(slot, after);
                    drain(slot);
                });
                return;
            } else {
                deliver(slot.state.account(), output);
            }
        }
    }

    /** The store work an output needs, or null for the outputs performed at once. */
    private Mono<Void> asynchronous(Jid account, AccountOutput output) {
        String username = account.local().get();
        if (output instanceof AccountOutput.StoreRoster roster) {
            return store.rosters().save(username, roster.roster());
        }
        if (output instanceof AccountOutput.StorePrivacy privacy) {
            return store.data().save(username, PrivacyStorage.KEY, Option.some(PrivacyStorage.write(privacy.privacy())));
        }
        if (output instanceof AccountOutput.StoreData data) {
            return store.data().save(username, data.key(), data.value());
        }
        if (output instanceof AccountOutput.StoreBlocklist blocklist) {
            return store.blocklists().save(username, blocklist.blocklist());
        }
        if (output instanceof AccountOutput.StoreOffline offline) {
            return store.offline().store(username, offline.stored());
        }
        if (output instanceof AccountOutput.ForgetOffline forget) {
            return store.offline().remove(username, forget.nodes());
        }
        return null;
    }
}
