package dev.starling.machine.roster;

import dev.starling.model.jid.Jid;
import dev.starling.model.roster.RosterItem;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.control.Option;

/**
 * The checks of a roster set, RFC 6121 §2.3.3: duplicate groups are bad-request; an empty group,
 * a name or group over the limit are not-acceptable. Starling also refuses the user's own bare
 * JID as a contact with not-allowed, as the §2.3.3 interoperability note reports other servers
 * do, and more groups than the limit with not-acceptable.
 */
final class RosterSetRules {

    private RosterSetRules() {
    }

    static Option<StanzaError> problem(RosterItem item, Jid user, RosterLimits limits) {
        if (item.jid().equals(user.bare())) {
            return Option.some(error(StanzaErrorCondition.NOT_ALLOWED, "your own JID cannot be a contact"));
        }
        if (item.name().exists(name -> name.codePointCount(0, name.length()) > limits.maxNameLength())) {
            return Option.some(error(StanzaErrorCondition.NOT_ACCEPTABLE, "the name is longer than " + limits.maxNameLength() + " characters"));
        }
        if (item.groups().exists(String::isEmpty)) {
            return Option.some(error(StanzaErrorCondition.NOT_ACCEPTABLE, "a group name cannot be empty (RFC 6121 §2.3.3)"));
        }
        if (item.groups().exists(group -> group.codePointCount(0, group.length()) > limits.maxGroupLength())) {
            return Option.some(error(StanzaErrorCondition.NOT_ACCEPTABLE, "a group name is longer than " + limits.maxGroupLength() + " characters"));
        }
        if (item.groups().size() > limits.maxGroups()) {
            return Option.some(error(StanzaErrorCondition.NOT_ACCEPTABLE, "more than " + limits.maxGroups() + " groups"));
        }
        if (item.groups().distinct().size() != item.groups().size()) {
            return Option.some(error(StanzaErrorCondition.BAD_REQUEST, "the same group twice (RFC 6121 §2.3.3)"));
        }
        return Option.none();
    }

    static StanzaError error(StanzaErrorCondition condition, String text) {
        return StanzaError.of(condition).withText(text);
    }
}
