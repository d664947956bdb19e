package dev.starling.machine.im;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.roster.RosterLimits;
import dev.starling.machine.roster.RosterReply;
import dev.starling.machine.roster.RosterRequests;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * The per-account entity of RFC 6121 on the server: roster requests (§2), subscription stanzas
 * both ways ({@link SubscriptionFlows}, §3), presence both ways ({@link PresenceFlows}, §4) and
 * messages for the account with offline storage ({@link MessageFlows}, §8.5, XEP-0160), with the
 * roster pushes every change causes (§2.1.6). A pure machine: the router feeds it the
 * account's inputs in order and performs its outputs in order.
 */
public final class AccountEntity {

    private AccountEntity() {
    }

    /** Feeds one input to the account's entity. */
    public static Step<AccountState, AccountOutput> step(AccountState state, AccountInput input, AccountLimits limits, Fresh fresh) {
        if (input instanceof AccountInput.RosterRequest request) {
            return onRosterRequest(state, request, limits.roster(), fresh);
        } else if (input instanceof AccountInput.InboundMessage message) {
            return MessageFlows.inbound(state, message.message(), limits, fresh);
        } else if (input instanceof AccountInput.OutboundSubscription out) {
            return SubscriptionFlows.outbound(state, out.presence(), fresh);
        } else if (input instanceof AccountInput.InboundSubscription in) {
            return SubscriptionFlows.inbound(state, in.presence(), fresh);
        } else if (input instanceof AccountInput.OutboundPresence out) {
            return PresenceFlows.outbound(state, out.presence(), fresh);
        } else if (input instanceof AccountInput.InboundPresence in) {
            return PresenceFlows.inbound(state, in.presence());
        } else if (input instanceof AccountInput.ResourceBound bound) {
            return Step.of(state.withConnected(state.connected().add(bound.resource())));
        }
        return PresenceFlows.gone(state, ((AccountInput.ResourceGone) input).resource());
    }

    /** RFC 6121 §2: the answer, interim pushes for the asking resource, pushes for every interested one; a get makes the resource interested. */
    private static Step<AccountState, AccountOutput> onRosterRequest(AccountState state, AccountInput.RosterRequest request,
                                                                     RosterLimits limits, Fresh fresh) {
        RosterReply reply = RosterRequests.handle(state.roster(), request.request(), request.query(), state.account(), limits);
        AccountState asked = request.request().type() == dev.starling.model.stanza.IqType.GET
                ? state.withInterested(state.interested().add(request.resource())) : state;
        Seq<AccountOutput> answer = Array.<AccountOutput>of(new AccountOutput.ToResource(request.resource(), reply.reply()))
                .appendAll(reply.interim().zipWithIndex()
                        .map(item -> Outputs.push(asked, request.resource(), item._1, reply.change(), fresh, item._2)));
        var applied = Outputs.applied(asked, reply.change(), Option.none(), fresh, answer);
        return Step.of(applied._1, applied._2);
    }
}
