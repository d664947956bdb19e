package dev.starling.machine.im;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.model.jid.Jid;
import dev.starling.model.delay.Delay;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import io.vavr.collection.Array;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Presence on the account's server, RFC 6121 §4.
 * <ul>
 *   <li>Broadcast presence from a resource (no 'to') goes to every contact subscribed to the
 *       account ('from' or 'both') and to all of the account's available resources, itself
 *       included (§4.2.2, §4.4.2). Initial presence also probes every contact the account is
 *       subscribed to (§4.3.1) and receives the subscription requests that waited (§3.1.3).
 *       A resource that becomes available with a non-negative priority, or raises a negative one
 *       to non-negative, receives the messages stored offline (XEP-0160 §3).</li>
 *   <li>Unavailable presence, sent or caused by the session's end, goes to the same entities and
 *       to everyone the resource sent directed presence to (§4.5.2, §4.6.3), also when the
 *       resource sent it without being available (§4.6.2, case 3). When the last
 *       available resource goes, the account's last activity is recorded (XEP-0012 §4).</li>
 *   <li>Directed presence goes to its addressee; the entity remembers addressees that are not
 *       subscribers, to tell them when the resource goes (§4.6.2).</li>
 *   <li>A probe is answered with each available resource's last presence if the prober is a
 *       subscriber, with unavailable presence if none is available (stamped with XEP-0203
 *       delay at the moment the last one went, when that is recorded), and with "unsubscribed"
 *       otherwise, from the bare JID so nothing leaks (§4.3.2).</li>
 *   <li>Other inbound presence reaches every available resource when sent to the bare JID, or the
 *       one resource it names (§4.4.3, §8.5.2.1.1, §8.5.3.2.1).</li>
 * </ul>
 */
final class PresenceFlows {

    private PresenceFlows() {
    }

    static Step<AccountState, AccountOutput> outbound(AccountState state, Presence presence, Fresh fresh) {
        String resource = presence.from().get().resource().get();
        if (presence.to().isDefined()) {
            return directed(state, resource, presence);
        }
        if (presence.type().isEmpty()) {
            return broadcast(state, resource, presence, fresh);
        }
        if (presence.type().contains(PresenceType.UNAVAILABLE)) {
            return state.available().containsKey(resource) ? unavailable(state, resource, presence, true, fresh)
                    : withdrawDirected(state, resource, presence);
        }
        return Step.of(state); // a probe or an error needs an addressee (§4.3, §4.7)
    }

    /**
     * A session ended: if its resource was available, it becomes unavailable for everyone who saw
     * it (§4.5.2); if it was not, for everyone it sent directed presence to (§4.6.2, case 3).
     */
    static Step<AccountState, AccountOutput> gone(AccountState state, String resource, Fresh fresh) {
        AccountState forgotten = state.withInterested(state.interested().remove(resource)).withConnected(state.connected().remove(resource));
        Presence unavailable = Presence.of(PresenceType.UNAVAILABLE).withFrom(Option.some(state.full(resource)));
        return state.available().containsKey(resource)
                ? unavailable(forgotten, resource, unavailable, false, fresh)
                : withdrawDirected(forgotten, resource, unavailable);
    }

    /**
     * §4.6.2 case 3: a resource that sent directed presence without being available (before its
     * initial presence, or after its unavailable broadcast) is treated as an available one, so its
     * addressees hear its unavailable presence when it sends one or its session ends.
     */
    private static Step<AccountState, AccountOutput> withdrawDirected(AccountState state, String resource, Presence unavailable) {
        Seq<Jid> directedTo = state.directed().get(resource).map(LinkedHashSet::ofAll).getOrElse(LinkedHashSet.empty()).toArray();
        return Step.of(state.withDirected(state.directed().remove(resource)),
                directedTo.map(jid -> (AccountOutput) new AccountOutput.ToContact(unavailable.withTo(Option.some(jid)))));
    }

    static Step<AccountState, AccountOutput> inbound(AccountState state, Presence presence) {
        if (presence.type().contains(PresenceType.PROBE)) {
            return Step.of(state, probed(state, presence));
        }
        Jid to = presence.to().get();
        Seq<String> recipients = to.isFull()
                ? state.available().keySet().toArray().filter(r -> r.equals(to.resource().get()))
                : state.available().keySet().toArray();
        return Step.of(state, recipients.map(r -> (AccountOutput) new AccountOutput.ToResource(r, presence)));
    }

    private static Step<AccountState, AccountOutput> broadcast(AccountState state, String resource, Presence presence, Fresh fresh) {
        boolean initial = !state.available().containsKey(resource);
        boolean firstResource = state.available().isEmpty();
        AccountState now = state.withAvailable(state.available().put(resource, presence));
        Seq<AccountOutput> outputs = toSubscribers(state, presence).appendAll(toOwnResources(now, presence));
        if (initial) {
            outputs = outputs.appendAll(probes(state, fresh));
        }
        if (firstResource) {
            outputs = outputs.appendAll(SubscriptionFlows.waitingRequests(state, resource));
        }
        boolean wasNegative = state.available().get(resource).exists(previous -> previous.priority() < 0);
        if (!initial && !wasNegative) {
            return Step.of(now, outputs);
        }
        Step<AccountState, AccountOutput> stored = OfflineFlows.flood(now, resource, presence);
        return Step.of(stored.state(), outputs.appendAll(stored.outputs()));
    }

    private static Step<AccountState, AccountOutput> unavailable(AccountState state, String resource, Presence presence, boolean toSelf,
                                                                 Fresh fresh) {
        Seq<Jid> directedTo = state.directed().get(resource).map(LinkedHashSet::ofAll).getOrElse(LinkedHashSet.empty()).toArray();
        AccountState now = state.withAvailable(state.available().remove(resource)).withDirected(state.directed().remove(resource));
        Seq<AccountOutput> outputs = toSubscribers(state, presence)
                .appendAll(toOwnResources(toSelf ? state : now, presence))
                .appendAll(directedTo.map(jid -> (AccountOutput) new AccountOutput.ToContact(presence.withTo(Option.some(jid)))));
        if (!now.available().isEmpty()) {
            return Step.of(now, outputs);
        }
        var last = LastActivityFlows.recorded(now, fresh.now(), presence.status()); // XEP-0012 §4: the account went offline
        return Step.of(last._1, outputs.prepend(last._2));
    }

    /** §4.6: directed presence goes out as is; addressees that are not subscribers are remembered until unavailable. */
    private static Step<AccountState, AccountOutput> directed(AccountState state, String resource, Presence presence) {
        Jid to = presence.to().get();
        boolean subscriber = state.roster().subscription(to.bare()).state().from();
        var addressees = state.directed().get(resource).getOrElse(LinkedHashSet.empty());
        AccountState now = state;
        if (presence.type().isEmpty() && !subscriber) {
            now = state.withDirected(state.directed().put(resource, addressees.add(to)));
        } else if (presence.type().contains(PresenceType.UNAVAILABLE)) {
            now = state.withDirected(state.directed().put(resource, addressees.remove(to)));
        }
        return Step.of(now, new AccountOutput.ToContact(presence));
    }

    /** Every subscriber the account does not block (XEP-0191 §3.3: nothing is routed to a blocked JID). */
    private static Seq<AccountOutput> toSubscribers(AccountState state, Presence presence) {
        return state.roster().entries().values().filter(e -> e.subscription().state().from() && !state.blocklist().blocks(e.contact())).toArray()
                .map(e -> new AccountOutput.ToContact(presence.withTo(Option.some(e.contact()))));
    }

    private static Seq<AccountOutput> toOwnResources(AccountState state, Presence presence) {
        return state.available().keySet().toArray()
                .map(r -> new AccountOutput.ToResource(r, presence.withTo(Option.some(state.full(r)))));
    }

    /** §4.3.1: from the account's bare JID to each contact it is subscribed to. */
    private static Seq<AccountOutput> probes(AccountState state, Fresh fresh) {
        return state.roster().entries().values().filter(e -> e.subscription().state().to() && !state.blocklist().blocks(e.contact()))
                .toArray().zipWithIndex()
                .map(e -> new AccountOutput.ToContact(Presence.of(PresenceType.PROBE).withId(Option.some("probe-" + fresh.token(1, 12) + "-" + e._2))
                        .withFrom(Option.some(state.account())).withTo(Option.some(e._1.contact()))));
    }

    /** §4.3.2, answered to whoever probed, in the order of the rules there. */
    private static Seq<AccountOutput> probed(AccountState state, Presence probe) {
        Jid prober = probe.from().get();
        Jid to = probe.to().get();
        if (!state.roster().subscription(prober.bare()).state().from()) {
            return Array.of(reply(probe, Presence.of(PresenceType.UNSUBSCRIBED), state.account()));
        }
        Seq<io.vavr.Tuple2<String, Presence>> answering = state.available().toArray()
                .filter(r -> to.isBare() || r._1.equals(to.resource().get()));
        if (answering.isEmpty()) {
            Presence unavailable = Presence.of(PresenceType.UNAVAILABLE);
            return Array.of(reply(probe, LastActivityFlows.since(state)
                    .map(at -> unavailable.withChild(new Delay(Option.none(), at, Option.none(), false))).getOrElse(unavailable), state.account()));
        }
        return answering.map(r -> (AccountOutput) new AccountOutput.ToContact(
                (to.isFull() ? Presence.available().withId(r._2.id()) : r._2)
                        .withFrom(Option.some(state.full(r._1))).withTo(Option.some(prober))));
    }

    /** An answer from the bare JID that mirrors the probe's id (§4.3.2.1). */
    private static AccountOutput reply(Presence probe, Presence answer, Jid account) {
        return new AccountOutput.ToContact(answer.withId(probe.id()).withFrom(Option.some(account)).withTo(probe.from()));
    }
}
