package dev.starling.machine.privacy;

import dev.starling.machine.roster.Roster;
import dev.starling.machine.roster.RosterEntry;
import dev.starling.model.jid.Jid;
import dev.starling.model.privacy.PrivacyList;
import dev.starling.model.privacy.PrivacyRule;
import io.vavr.control.Option;

/**
 * Whether a privacy list lets a stanza through (XEP-0016 §2.1, §2.2): the rules in ascending
 * order, the first that covers the stanza's kind and matches the peer decides, and "allow" when
 * none does (rule 7). A JID rule matches as §2.1 orders it: a full JID only itself, a bare JID any
 * of its resources, a domain with a resource only that, a domain itself and everything at it. A
 * group rule matches contacts in that roster group; a subscription rule the contact's exact state,
 * "none" including entities not in the roster. The roster is read at the time of the stanza, so a
 * change of group or subscription applies at once (rule 9).
 */
public final class PrivacyMatcher {

    private PrivacyMatcher() {
    }

    /**
     * Whether the list denies a stanza exchanged with {@code peer}.
     *
     * @param kind the stanza's kind; none for stanzas only "all kinds" rules cover (subscription
     *             stanzas, probes, outbound messages and IQs)
     */
    public static boolean denies(PrivacyList list, Roster roster, Jid peer, Option<PrivacyRule.Kind> kind) {
        return list.inOrder().find(rule -> (rule.kinds().isEmpty() || kind.exists(rule::covers)) && matches(rule, roster, peer))
                .exists(rule -> rule.action() == PrivacyRule.Action.DENY);
    }

    private static boolean matches(PrivacyRule rule, Roster roster, Jid peer) {
        if (rule.type().isEmpty()) {
            return true;
        }
        String value = rule.value().get();
        Option<RosterEntry> entry = roster.entries().get(peer.bare());
        return switch (rule.type().get()) {
            case JID -> Jid.of(value).covers(peer);
            case GROUP -> entry.exists(e -> e.groups().contains(value));
            case SUBSCRIPTION -> entry.map(e -> e.subscription().state().rosterSubscription()).getOrElse("none").equals(value);
        };
    }
}
