package dev.starling.machine.im;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.roster.RosterLimits;
import dev.starling.machine.roster.RosterReply;
import dev.starling.machine.roster.RosterRequests;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.control.Option;

/**
 * The per-account entity of RFC 6121 on the server: roster requests (§2), subscription stanzas
 * both ways ({@link SubscriptionFlows}, §3), presence both ways ({@link PresenceFlows}, §4),
 * messages and IQs for the account ({@link MessageFlows}, §8.5) with offline storage and its
 * flexible retrieval ({@link OfflineFlows}, XEP-0160, XEP-0013),
 * the blocking command ({@link BlockingFlows}, XEP-0191) and the vCard and private storage
 * ({@link StorageFlows}, XEP-0054, XEP-0049) and privacy lists ({@link PrivacyFlows}, XEP-0016,
 * applied before everything else), with the roster pushes every change
 * causes (§2.1.6). Stanzas the account sends to a JID it blocks are refused; stanzas from one are
 * dropped (presence) or answered with service-unavailable (messages and IQ requests), so the
 * account appears offline to it (XEP-0191 §3.3). A pure machine: the router feeds it the
 * account's inputs in order and performs its outputs in order.
 */
public final class AccountEntity {

    private AccountEntity() {
    }

    /**
     * Whether an IQ is a XEP-0013 request (an {@code <offline/>} command, or disco on the offline
     * node), which the account's entity answers for its own resources.
     */
    public static boolean isOfflineRequest(Iq iq) {
        return OfflineFlows.handles(iq);
    }

    /** Feeds one input to the account's entity. */
    public static Step<AccountState, AccountOutput> step(AccountState state, AccountInput input, AccountLimits limits, Fresh fresh) {
        Option<Stanza> refused = outbound(input).flatMap(stanza -> BlockingFlows.refusal(state, stanza)
                .orElse(() -> PrivacyFlows.outboundRefusal(state, stanza)));
        if (refused.isDefined()) {
            String resource = outbound(input).get().from().flatMap(Jid::resource).getOrElse("");
            return Step.of(state, new AccountOutput.ToResource(resource, refused.get()));
        }
        if (inbound(input).exists(stanza -> BlockingFlows.blocked(state, stanza) || PrivacyFlows.deniesInbound(state, stanza))) {
            return input instanceof AccountInput.InboundMessage || input instanceof AccountInput.InboundIq
                    ? Step.of(state, unavailable(inbound(input).get())) : Step.of(state); // presence from a blocked JID: no answer at all
        }
        Step<AccountState, AccountOutput> done = dispatch(state, input, limits, fresh);
        return Step.of(done.state(), PrivacyFlows.filtered(done.state(), done.outputs()));
    }

    private static Step<AccountState, AccountOutput> dispatch(AccountState state, AccountInput input, AccountLimits limits, Fresh fresh) {
        if (input instanceof AccountInput.RosterRequest request) {
            return onRosterRequest(state, request, limits.roster(), fresh);
        } else if (input instanceof AccountInput.PrivacyRequest request) {
            return PrivacyFlows.request(state, request.resource(), request.request(), request.query(), limits, fresh);
        } else if (input instanceof AccountInput.OfflineRequest request) {
            return OfflineFlows.own(state, request.resource(), request.request());
        } else if (input instanceof AccountInput.StorageRequest request) {
            return StorageFlows.own(state, request.resource(), request.request(), limits);
        } else if (input instanceof AccountInput.BlockingRequest request) {
            return BlockingFlows.request(state, request.resource(), request.request(), request.command(), fresh);
        } else if (input instanceof AccountInput.InboundMessage message) {
            return MessageFlows.inbound(state, message.message(), limits, fresh);
        } else if (input instanceof AccountInput.InboundIq iq) {
            return onInboundIq(state, iq.iq(), fresh);
        } else if (input instanceof AccountInput.OutboundStanza out) {
            return Step.of(state, new AccountOutput.ToContact(out.stanza()));
        } else if (input instanceof AccountInput.OutboundSubscription out) {
            return SubscriptionFlows.outbound(state, out.presence(), fresh);
        } else if (input instanceof AccountInput.InboundSubscription in) {
            return state.exists() ? SubscriptionFlows.inbound(state, in.presence(), fresh) : SubscriptionFlows.noSuchContact(state, in.presence());
        } else if (input instanceof AccountInput.OutboundPresence out) {
            return PresenceFlows.outbound(state, out.presence(), fresh);
        } else if (input instanceof AccountInput.InboundPresence in) {
            return PresenceFlows.inbound(state, in.presence());
        } else if (input instanceof AccountInput.ResourceBound bound) {
            return Step.of(state.withConnected(state.connected().add(bound.resource())));
        }
        String gone = ((AccountInput.ResourceGone) input).resource();
        return PresenceFlows.gone(state.withOffline(state.offline().gone(gone)).withPrivacy(state.privacy().gone(gone)), gone, fresh);
    }

    /**
     * RFC 6121 §8.5.2.1.3 and §8.5.3: the server answers storage, offline and last activity
     * queries for the bare JID itself (XEP-0054, XEP-0013, XEP-0012); an IQ for a connected resource reaches it; a request for the
     * bare JID or for a resource that is not there is service-unavailable; a response that finds no
     * resource is dropped (RFC 6120 §8.2.3).
     */
    private static Step<AccountState, AccountOutput> onInboundIq(AccountState state, Iq iq, Fresh fresh) {
        Jid to = iq.to().get();
        if (to.isBare() && StorageFlows.handles(iq)) {
            return Step.of(state, StorageFlows.foreign(state, iq)); // XEP-0054 §2.2: the server answers for the account
        }
        if (OfflineFlows.handles(iq)) {
            return Step.of(state, OfflineFlows.foreign(iq));
        }
        if (state.exists() && LastActivityFlows.handles(iq)) {
            return Step.of(state, LastActivityFlows.answer(state, iq, fresh.now())); // XEP-0012 §4: the server answers for the account
        }
        if (to.isFull() && state.connected().contains(to.resource().get())) {
            return Step.of(state, new AccountOutput.ToResource(to.resource().get(), iq));
        }
        return Step.of(state, unavailable(iq));
    }

    /** The service-unavailable answer to a stanza, if it takes one (not to errors or IQ responses). */
    private static Seq<AccountOutput> unavailable(Stanza stanza) {
        return StanzaReplies.error(stanza, StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE))
                .<AccountOutput>map(AccountOutput.ToContact::new).toList();
    }

    /** The stanza an input sends out from one of the account's resources, if it addresses someone. */
    private static Option<Stanza> outbound(AccountInput input) {
        if (input instanceof AccountInput.OutboundStanza out) {
            return Option.some(out.stanza());
        }
        if (input instanceof AccountInput.OutboundSubscription out) {
            return Option.some(out.presence());
        }
        if (input instanceof AccountInput.OutboundPresence out && out.presence().to().isDefined()) {
            return Option.some(out.presence());
        }
        return Option.none();
    }

    /** The stanza an input brings in from another entity. */
    private static Option<Stanza> inbound(AccountInput input) {
        if (input instanceof AccountInput.InboundMessage in) {
            return Option.some(in.message());
        }
        if (input instanceof AccountInput.InboundIq in) {
            return Option.some(in.iq());
        }
        if (input instanceof AccountInput.InboundPresence in) {
            return Option.some(in.presence());
        }
        if (input instanceof AccountInput.InboundSubscription in) {
            return Option.some(in.presence());
        }
        return Option.none();
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
