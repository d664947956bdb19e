package dev.starling.machine.im;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.presence.SubscriptionType;
import dev.starling.machine.roster.RosterChange;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Subscription stanzas on the account's server, RFC 6121 §3 and Appendix A: one the account's
 * resource sends leaves from the account's bare JID (§3.1.2) if the table routes it; one that
 * arrives reaches every available resource with its 'to' as sent, or waits in the roster's
 * pending state for the next available resource (§3.1.3); the server's auto-replies go back to
 * the contact.
 */
final class SubscriptionFlows {

    private SubscriptionFlows() {
    }

    static Step<AccountState, AccountOutput> outbound(AccountState state, Presence presence, Fresh fresh) {
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
        var applied = Outputs.applied(state, change, Option.some(contact), fresh, routed);
        return Step.of(applied._1, applied._2);
    }

    static Step<AccountState, AccountOutput> inbound(AccountState state, Presence presence, Fresh fresh) {
        SubscriptionType type = SubscriptionType.of(presence.type().get()).get();
        Jid contact = presence.from().get().bare();
        RosterChange change = state.roster().inbound(contact, type);
        Presence delivered = presence.withFrom(Option.some(contact)).withTo(Option.some(state.account()));
        Seq<AccountOutput> outputs = change.forward()
                ? state.available().keySet().toArray().map(resource -> (AccountOutput) new AccountOutput.ToResource(resource, delivered))
                : Array.empty();
        Seq<AccountOutput> reply = change.autoReply()
                .<AccountOutput>map(t -> new AccountOutput.ToContact(Outputs.subscription(t, state.account(), contact))).toList();
        var applied = Outputs.applied(state, change, Option.some(contact), fresh, outputs.appendAll(reply));
        return Step.of(applied._1, applied._2);
    }

    /**
     * A subscription stanza for an account that does not exist: nothing is kept. A request is
     * answered with item-not-found, the error §3.1.2 requires of the user's server when "the
     * local contact does not exist" (both are this server); the other types are silently ignored
     * (§8.5.1).
     */
    static Step<AccountState, AccountOutput> noSuchContact(AccountState state, Presence presence) {
        if (!presence.type().contains(PresenceType.SUBSCRIBE)) {
            return Step.of(state);
        }
        return Step.of(state, StanzaReplies.error(presence, StanzaError.of(StanzaErrorCondition.ITEM_NOT_FOUND)
                        .withText("there is no account " + state.account()))
                .<AccountOutput>map(AccountOutput.ToContact::new).toList());
    }

    /** §3.1.3: requests that waited for an available resource, for the one that just became available. */
    static Seq<AccountOutput> waitingRequests(AccountState state, String resource) {
        return state.roster().entries().values().filter(e -> e.subscription().state().pendingIn()).map(e -> e.contact())
                .appendAll(state.roster().unlisted().filter(u -> u._2.state().pendingIn()).map(u -> u._1))
                .map(contact -> new AccountOutput.ToResource(resource,
                        Outputs.subscription(SubscriptionType.SUBSCRIBE, contact, state.account())));
    }
}
