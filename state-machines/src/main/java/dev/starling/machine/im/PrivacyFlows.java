package dev.starling.machine.im;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.privacy.PrivacyMatcher;
import dev.starling.machine.privacy.PrivacyRequests;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.jid.Jid;
import dev.starling.model.privacy.PrivacyList;
import dev.starling.model.privacy.PrivacyQuery;
import dev.starling.model.privacy.PrivacyRule;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Privacy lists (XEP-0016) in the account entity: the requests ({@link PrivacyRequests}) with the
 * store before the result and the pushes after it, and the lists applied before anything else
 * (§2.2 rule 4), with Starling's reading where the XEP leaves one:
 * <ul>
 *   <li>An inbound stanza is first checked against the list of the session it addresses (a
 *       connected full JID: its active list, else the default) or, for the bare JID, the default
 *       list; if denied, the account does not process it at all (no roster change for a denied
 *       subscription request) and the sender gets what a blocked entity gets (§2.13): nothing for
 *       presence, service-unavailable for a message or an IQ request.</li>
 *   <li>What the entity then hands to each resource passes that resource's list, so a message to
 *       the bare JID skips a session whose active list denies the sender.</li>
 *   <li>Presence notifications the account sends (broadcast, directed, probe answers) pass the
 *       sending resource's list as presence-out; those sent from the bare JID, the default list.
 *       Broadcast is filtered silently; directed presence a list denies is refused with
 *       not-acceptable, as are outbound messages, IQs and subscription stanzas that a rule
 *       covering every kind denies (§2.13).</li>
 *   <li>Rules apply to "presence notifications" (no type or unavailable) only through
 *       presence-in or presence-out; subscription stanzas and probes only through rules that cover
 *       every kind. Nothing between the account's own resources is ever blocked (§2.1).</li>
 * </ul>
 */
final class PrivacyFlows {

    private PrivacyFlows() {
    }

    static Step<AccountState, AccountOutput> request(AccountState state, String resource, Iq request, PrivacyQuery query,
                                                     AccountLimits limits, Fresh fresh) {
        PrivacyRequests.Outcome outcome = PrivacyRequests.handle(state.privacy(), state.roster(), state.connected(), resource, request,
                query, limits.privacyRules());
        AccountState after = state.withPrivacy(outcome.privacy());
        Seq<AccountOutput> stored = outcome.store() ? Array.of(new AccountOutput.StorePrivacy(outcome.privacy())) : Array.empty();
        Seq<AccountOutput> pushes = outcome.changedList().toList().flatMap(name -> after.connected().toArray().zipWithIndex()
                .map(r -> (AccountOutput) new AccountOutput.ToResource(r._1, Iq.of(IqType.SET, "privacy-push-" + fresh.token(2, 12) + "-" + r._2,
                                new PrivacyQuery(Option.none(), Option.none(), Array.of(new PrivacyList(name, Array.empty()))))
                        .withTo(Option.some(after.full(r._1))))));
        return Step.of(after, stored.append(new AccountOutput.ToResource(resource, outcome.reply())).appendAll(pushes));
    }

    /** Whether the list of the session (or account) an inbound stanza addresses denies it. */
    static boolean deniesInbound(AccountState state, Stanza stanza) {
        Option<Jid> peer = stanza.from().filter(from -> !from.bare().equals(state.account()));
        if (peer.isEmpty()) {
            return false;
        }
        Jid to = stanza.to().getOrElse(state.account());
        Option<PrivacyList> list = to.resource().filter(state.connected()::contains).map(r -> state.privacy().effective(r))
                .getOrElse(() -> state.privacy().accountList());
        return list.exists(l -> PrivacyMatcher.denies(l, state.roster(), peer.get(), inboundKind(stanza)));
    }

    /** The refusal of a stanza one of the account's resources sends, if its list denies it (§2.13). */
    static Option<Stanza> outboundRefusal(AccountState state, Stanza stanza) {
        Option<Jid> peer = stanza.to().filter(to -> !to.bare().equals(state.account()));
        String resource = stanza.from().flatMap(Jid::resource).getOrElse("");
        if (peer.isEmpty() || !state.privacy().effective(resource).exists(list -> PrivacyMatcher.denies(list, state.roster(), peer.get(),
                stanza instanceof Presence presence && notification(presence) ? Option.some(PrivacyRule.Kind.PRESENCE_OUT) : Option.none()))) {
            return Option.none();
        }
        return StanzaReplies.error(stanza, StanzaError.of(StanzaErrorCondition.NOT_ACCEPTABLE).withText("your privacy list blocks " + peer.get()));
    }

    /** The outputs without what the lists deny: deliveries to resources from others, presence notifications to others. */
    static Seq<AccountOutput> filtered(AccountState state, Seq<AccountOutput> outputs) {
        if (state.privacy().lists().isEmpty()) {
            return outputs;
        }
        return outputs.filter(output -> {
            if (output instanceof AccountOutput.ToResource to && to.stanza().from().exists(from -> !from.bare().equals(state.account()))) {
                return !state.privacy().effective(to.resource()).exists(list -> PrivacyMatcher.denies(list, state.roster(),
                        to.stanza().from().get(), inboundKind(to.stanza())));
            }
            if (output instanceof AccountOutput.ToContact to && to.stanza() instanceof Presence presence && notification(presence)
                    && presence.from().exists(from -> from.bare().equals(state.account()))
                    && presence.to().exists(peer -> !peer.bare().equals(state.account()))) {
                Option<PrivacyList> list = presence.from().get().resource().map(r -> state.privacy().effective(r))
                        .getOrElse(() -> state.privacy().accountList());
                return !list.exists(l -> PrivacyMatcher.denies(l, state.roster(), presence.to().get(), Option.some(PrivacyRule.Kind.PRESENCE_OUT)));
            }
            return true;
        });
    }

    private static Option<PrivacyRule.Kind> inboundKind(Stanza stanza) {
        if (stanza instanceof Message) {
            return Option.some(PrivacyRule.Kind.MESSAGE);
        }
        if (stanza instanceof Iq) {
            return Option.some(PrivacyRule.Kind.IQ);
        }
        Presence presence = (Presence) stanza;
        return notification(presence) || presence.type().contains(PresenceType.ERROR) ? Option.some(PrivacyRule.Kind.PRESENCE_IN) : Option.none();
    }

    /** A presence notification: no type, or unavailable (XEP-0016 §2: not subscriptions or probes). */
    private static boolean notification(Presence presence) {
        return presence.type().isEmpty() || presence.type().contains(PresenceType.UNAVAILABLE);
    }
}
