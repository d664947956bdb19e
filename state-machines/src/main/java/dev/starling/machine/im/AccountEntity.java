package dev.starling.machine.im;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.presence.SubscriptionType;
import dev.starling.machine.roster.RosterChange;
import dev.starling.machine.roster.RosterLimits;
import dev.starling.machine.roster.RosterReply;
import dev.starling.machine.roster.RosterRequests;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.RosterItem;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * The per-account entity of RFC 6121 on the server: roster requests (§2), and subscription
 * stanzas sent by the account's resources (§3.1.2, §3.2.2, §3.3.2, §3.4) or arriving from
 * contacts (§3.1.3, §3.2.3, §3.3.3), with the roster pushes every change causes (§2.1.6). Outbound
 * subscription stanzas leave from the account's bare JID (§3.1.2); inbound ones reach every
 * available resource, and a request that finds none waits in the roster's pending state until a
 * resource becomes available (§3.1.3). A pure machine.
 */
public final class AccountEntity {

    private AccountEntity() {
    }

    /** Feeds one input to the account's entity. */
    public static Step<AccountState, AccountOutput> step(AccountState state, AccountInput input, RosterLimits limits, Fresh fresh) {
        if (input instanceof AccountInput.RosterRequest request) {
            return onRosterRequest(state, request, limits, fresh);
        } else if (input instanceof AccountInput.OutboundSubscription out) {
            return onOutbound(state, out.presence(), fresh);
        } else if (input instanceof AccountInput.InboundSubscription in) {
            return onInbound(state, in.presence(), fresh);
        } else if (input instanceof AccountInput.ResourceAvailable available) {
            return onAvailable(state, available.resource());
        }
        String gone = ((AccountInput.ResourceGone) input).resource();
        return Step.of(state.withInterested(state.interested().remove(gone)).withAvailable(state.available().remove(gone)));
    }

    private static Step<AccountState, AccountOutput> onRosterRequest(AccountState state, AccountInput.RosterRequest request,
                                                                     RosterLimits limits, Fresh fresh) {
        RosterReply reply = RosterRequests.handle(state.roster(), request.request(), request.query(), state.account(), limits);
        AccountState asked = request.request().type().isRequest() && request.query().items().isEmpty()
                ? state.withInterested(state.interested().add(request.resource())) : state;
        Array<AccountOutput> outputs = Array.<AccountOutput>of(new AccountOutput.ToResource(request.resource(), reply.reply()))
                .appendAll(reply.interim().zipWithIndex().map(item -> push(asked, request.resource(), item._1, reply.change(), fresh, item._2)));
        return applied(asked, reply.change(), Option.none(), fresh, outputs);
    }

    /** RFC 6121 §3.1.2: the contact is the 'to' as a bare JID; the stanza leaves from the account's bare JID. */
    private static Step<AccountState, AccountOutput> onOutbound(AccountState state, Presence presence, Fresh fresh) {
        SubscriptionType type = SubscriptionType.of(presence.type().get()).get();
        if (presence.to().isEmpty() || presence.to().get().bare().equals(state.account())) {
            String resource = presence.from().flatMap(Jid::resource).getOrElse("");
            return Step.of(state, StanzaReplies.error(presence, StanzaError.of(StanzaErrorCondition.BAD_REQUEST)
                            .withText("a subscription stanza names another entity in 'to' (RFC 6121 §3.1.1)"))
                    .<AccountOutput>map(reply -> new AccountOutput.ToResource(resource, reply)).toList());
        }
        Jid contact = presence.to().get().bare();
        RosterChange change = state.roster().outbound(contact, type, true);
        Seq<AccountOutput> routed = change.forward()
                ? Array.of(new AccountOutput.ToContact(presence.withFrom(Option.some(state.account())).withTo(Option.some(contact))))
                : Array.empty();
        return applied(state, change, Option.some(contact), fresh, routed);
    }

    private static Step<AccountState, AccountOutput> onInbound(AccountState state, Presence presence, Fresh fresh) {
        SubscriptionType type = SubscriptionType.of(presence.type().get()).get();
        Jid contact = presence.from().get().bare();
        RosterChange change = state.roster().inbound(contact, type);
        Presence delivered = presence.withFrom(Option.some(contact)).withTo(Option.some(state.account()));
        Seq<AccountOutput> outputs = change.forward() ? toAvailable(state, delivered) : Array.empty();
        Seq<AccountOutput> reply = change.autoReply()
                .<AccountOutput>map(t -> new AccountOutput.ToContact(subscription(t, state.account(), contact))).toList();
        return applied(state, change, Option.some(contact), fresh, outputs.appendAll(reply));
    }

    /** §3.1.3: requests that waited for an available resource are delivered to the first one. */
    private static Step<AccountState, AccountOutput> onAvailable(AccountState state, String resource) {
        boolean first = state.available().isEmpty();
        AccountState now = state.withAvailable(state.available().add(resource));
        if (!first) {
            return Step.of(now);
        }
        Seq<AccountOutput> waiting = state.roster().entries().values().filter(e -> e.subscription().state().pendingIn())
                .map(e -> e.contact()).appendAll(state.roster().unlisted().filter(u -> u._2.state().pendingIn()).map(u -> u._1))
                .map(contact -> new AccountOutput.ToResource(resource, subscription(SubscriptionType.SUBSCRIBE, contact, state.account())));
        return Step.of(now, waiting);
    }

    /** The change's pushes to every interested resource, its stanzas to the contact, and the roster to store if it changed. */
    private static Step<AccountState, AccountOutput> applied(AccountState state, RosterChange change, Option<Jid> contact, Fresh fresh,
                                                             Seq<AccountOutput> first) {
        AccountState after = state.withRoster(change.roster());
        Seq<AccountOutput> pushes = change.pushes().zipWithIndex().flatMap(item -> after.interested().toArray()
                .map(resource -> push(after, resource, item._1, change, fresh, item._2)));
        Seq<AccountOutput> told = change.toContact().map(t -> (AccountOutput) new AccountOutput.ToContact(
                subscription(t, state.account(), change.pushes().head().jid())));
        Seq<AccountOutput> stored = change.roster().equals(state.roster()) ? Array.empty()
                : Array.of(new AccountOutput.StoreRoster(change.roster()));
        return Step.of(after, stored.appendAll(first).appendAll(told).appendAll(pushes));
    }

    private static AccountOutput push(AccountState state, String resource, RosterItem item, RosterChange change, Fresh fresh, int index) {
        Jid to = state.account().withResource(resource).get();
        return new AccountOutput.ToResource(resource, RosterRequests.push(item, change.roster().ver(), to,
                "push-" + fresh.token(0, 12) + "-" + index));
    }

    /** To every available resource, 'to' left as the bare JID it was sent to (RFC 6120 §8.5.2.1.1 does not rewrite it). */
    private static Seq<AccountOutput> toAvailable(AccountState state, Presence presence) {
        return state.available().toArray().map(resource -> new AccountOutput.ToResource(resource, presence));
    }

    private static Presence subscription(SubscriptionType type, Jid from, Jid to) {
        return Presence.of(type.presenceType()).withFrom(Option.some(from)).withTo(Option.some(to));
    }
}
