package dev.starling.machine.privacy;

import dev.starling.machine.roster.Roster;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.privacy.PrivacyList;
import dev.starling.model.privacy.PrivacyQuery;
import dev.starling.model.privacy.PrivacyRule;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The privacy list requests of one of the account's resources, XEP-0016 §2.3 to §2.8:
 * <ul>
 *   <li>a get without children answers the requester's active list, the default list and every
 *       list's name; a get naming one list answers it whole, item-not-found if there is none,
 *       bad-request for more than one (§2.3);</li>
 *   <li>a set holds exactly one child, else bad-request (§2.1); {@code <active/>} selects the
 *       requester's list for its session or declines any (§2.4), {@code <default/>} the account's
 *       (§2.5); a list that does not exist is item-not-found; changing or declining the default
 *       while it applies to another connected resource is conflict;</li>
 *   <li>a list with rules creates or replaces it (§2.6, §2.7): orders must be unique (bad-request),
 *       group rules must name a roster group (item-not-found), and all lists together hold at most
 *       the limit's rules (resource-constraint); a list without rules removes it (§2.8):
 *       item-not-found if there is none, conflict while it applies to another connected resource.</li>
 * </ul>
 * Lists and the default are stored before the result; a changed list is pushed by name to every
 * connected resource (§2.2 rule 10).
 */
public final class PrivacyRequests {

    private PrivacyRequests() {
    }

    /**
     * What a request did.
     *
     * @param reply       the answer to the requester
     * @param privacy     the account's privacy after it
     * @param changedList the list to push, if one was created, replaced or removed
     * @param store       whether the stored part (lists, default) changed
     */
    public record Outcome(Iq reply, Privacy privacy, Option<String> changedList, boolean store) {
        public Outcome {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(privacy, "privacy");
            Objects.requireNonNull(changedList, "changedList");
        }
    }

    /** Handles a request from {@code resource}; {@code maxRules} caps the rules of all lists together. */
    public static Outcome handle(Privacy privacy, Roster roster, Set<String> connected, String resource, Iq request,
                                 PrivacyQuery query, int maxRules) {
        if (request.type() == IqType.GET) {
            return get(privacy, resource, request, query);
        }
        if (query.size() != 1) {
            return refused(privacy, request, StanzaErrorCondition.BAD_REQUEST, "a privacy set holds exactly one <active/>, <default/> or <list/>");
        }
        if (query.active().isDefined()) {
            return active(privacy, resource, request, query.active().get());
        }
        if (query.defaultList().isDefined()) {
            return defaultList(privacy, connected, resource, request, query.defaultList().get());
        }
        PrivacyList list = query.lists().head();
        return list.rules().isEmpty() ? remove(privacy, connected, resource, request, list.name())
                : edit(privacy, roster, request, list, maxRules);
    }

    private static Outcome get(Privacy privacy, String resource, Iq request, PrivacyQuery query) {
        if (query.active().isDefined() || query.defaultList().isDefined() || query.lists().size() > 1) {
            return refused(privacy, request, StanzaErrorCondition.BAD_REQUEST, "a privacy get asks for the names or for one list (XEP-0016 §2.3)");
        }
        if (query.lists().isEmpty()) {
            PrivacyQuery names = new PrivacyQuery(privacy.active().get(resource).map(Option::some), privacy.defaultList().map(Option::some),
                    privacy.lists().keySet().toArray().map(name -> new PrivacyList(name, Array.empty())));
            return new Outcome(StanzaReplies.result(request, names), privacy, Option.none(), false);
        }
        String name = query.lists().head().name();
        return privacy.lists().get(name)
                .map(list -> new Outcome(StanzaReplies.result(request, new PrivacyQuery(Option.none(), Option.none(), Array.of(list))),
                        privacy, Option.none(), false))
                .getOrElse(() -> refused(privacy, request, StanzaErrorCondition.ITEM_NOT_FOUND, "there is no privacy list '" + name + "'"));
    }

    private static Outcome active(Privacy privacy, String resource, Iq request, Option<String> name) {
        if (name.isEmpty()) {
            return new Outcome(StanzaReplies.result(request), privacy.withActive(privacy.active().remove(resource)), Option.none(), false);
        }
        if (!privacy.lists().containsKey(name.get())) {
            return refused(privacy, request, StanzaErrorCondition.ITEM_NOT_FOUND, "there is no privacy list '" + name.get() + "'");
        }
        return new Outcome(StanzaReplies.result(request), privacy.withActive(privacy.active().put(resource, name.get())), Option.none(), false);
    }

    private static Outcome defaultList(Privacy privacy, Set<String> connected, String resource, Iq request, Option<String> name) {
        if (name.isDefined() && !privacy.lists().containsKey(name.get())) {
            return refused(privacy, request, StanzaErrorCondition.ITEM_NOT_FOUND, "there is no privacy list '" + name.get() + "'");
        }
        if (!privacy.defaultList().equals(name) && privacy.defaultList().exists(current -> privacy.inUseByAnother(current, resource, connected))) {
            return refused(privacy, request, StanzaErrorCondition.CONFLICT, "the default list applies to another connected resource");
        }
        return new Outcome(StanzaReplies.result(request), privacy.withDefault(name), Option.none(), true);
    }

    private static Outcome remove(Privacy privacy, Set<String> connected, String resource, Iq request, String name) {
        if (!privacy.lists().containsKey(name)) {
            return refused(privacy, request, StanzaErrorCondition.ITEM_NOT_FOUND, "there is no privacy list '" + name + "'");
        }
        if (privacy.inUseByAnother(name, resource, connected)) {
            return refused(privacy, request, StanzaErrorCondition.CONFLICT, "the list applies to another connected resource");
        }
        Privacy removed = privacy.withLists(privacy.lists().remove(name))
                .withDefault(privacy.defaultList().filter(current -> !current.equals(name)))
                .withActive(privacy.active().filter(entry -> !entry._2.equals(name)));
        return new Outcome(StanzaReplies.result(request), removed, Option.some(name), true);
    }

    private static Outcome edit(Privacy privacy, Roster roster, Iq request, PrivacyList list, int maxRules) {
        if (list.rules().map(PrivacyRule::order).distinct().size() != list.rules().size()) {
            return refused(privacy, request, StanzaErrorCondition.BAD_REQUEST, "the orders of a list's rules are unique (XEP-0016 §2.1)");
        }
        Option<String> unknownGroup = list.rules().filter(rule -> rule.type().contains(PrivacyRule.Type.GROUP)).map(rule -> rule.value().get())
                .find(group -> roster.entries().values().forAll(entry -> !entry.groups().contains(group)));
        if (unknownGroup.isDefined()) {
            return refused(privacy, request, StanzaErrorCondition.ITEM_NOT_FOUND, "no roster group is named '" + unknownGroup.get() + "'");
        }
        int rules = privacy.lists().remove(list.name()).values().map(l -> l.rules().size()).sum().intValue() + list.rules().size();
        if (rules > maxRules) {
            return refused(privacy, request, StanzaErrorCondition.RESOURCE_CONSTRAINT, "privacy lists hold at most " + maxRules + " rules");
        }
        return new Outcome(StanzaReplies.result(request), privacy.withLists(privacy.lists().put(list.name(), list)), Option.some(list.name()), true);
    }

    private static Outcome refused(Privacy privacy, Iq request, StanzaErrorCondition condition, String text) {
        return new Outcome((Iq) StanzaReplies.error(request, StanzaError.of(condition).withText(text)).get(), privacy, Option.none(), false);
    }
}
