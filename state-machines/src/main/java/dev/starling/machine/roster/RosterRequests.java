package dev.starling.machine.roster;

import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.RosterItem;
import dev.starling.model.roster.RosterQuery;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The server's side of roster requests, RFC 6121 §2: a roster get returns the whole roster, or
 * with a version the roster can answer, an empty result followed by interim pushes (§2.6.3); a
 * roster set adds, updates or deletes one item (§2.3 to §2.5) and pushes it to every interested
 * resource (§2.1.6). Only the account itself may touch its roster (§2.3.3: forbidden); a get with
 * items or a set without exactly one is bad-request (§2.1.3, §2.3.3).
 */
public final class RosterRequests {

    private RosterRequests() {
    }

    /**
     * Answers a roster get or set.
     *
     * @param roster  the account's roster
     * @param request the request, its 'from' stamped with the sender's full JID
     * @param owner   the account's bare JID
     */
    public static RosterReply handle(Roster roster, Iq request, RosterQuery query, Jid owner, RosterLimits limits) {
        RosterChange unchanged = RosterChange.pushing(roster, Array.empty());
        if (request.from().isEmpty() || !request.from().get().bare().equals(owner)
                || request.to().exists(to -> !to.equals(owner))) {
            return new RosterReply(unchanged, error(request, StanzaErrorCondition.FORBIDDEN, "only the account itself manages its roster"),
                    Array.empty());
        }
        if (request.type() == IqType.GET) {
            if (!query.items().isEmpty()) {
                return new RosterReply(unchanged, error(request, StanzaErrorCondition.BAD_REQUEST, "a roster get has no items (RFC 6121 §2.1.3)"),
                        Array.empty());
            }
            Option<io.vavr.collection.Seq<RosterItem>> interim = query.ver().flatMap(roster::changesSince);
            return interim.isDefined()
                    ? new RosterReply(unchanged, StanzaReplies.result(request), interim.get())
                    : new RosterReply(unchanged, StanzaReplies.result(request, roster.result()), Array.empty());
        }
        if (query.items().size() != 1) {
            return new RosterReply(unchanged, error(request, StanzaErrorCondition.BAD_REQUEST,
                    "a roster set carries exactly one item (RFC 6121 §2.3.3)"), Array.empty());
        }
        Either<StanzaError, RosterChange> change = roster.set(query.items().head(), owner, limits);
        return change.isLeft()
                ? new RosterReply(unchanged, StanzaReplies.errorWithoutPayload(request, change.getLeft()), Array.empty())
                : new RosterReply(change.get(), StanzaReplies.result(request), Array.empty());
    }

    /** A roster push of one item (RFC 6121 §2.1.6), with the roster's version. */
    public static Iq push(RosterItem item, String ver, Jid to, String id) {
        return Iq.of(IqType.SET, id, new RosterQuery(Option.some(ver), Array.of(item))).withTo(Option.some(to));
    }

    private static Iq error(Iq request, StanzaErrorCondition condition, String text) {
        return StanzaReplies.errorWithoutPayload(request, StanzaError.of(condition).withText(text));
    }
}
