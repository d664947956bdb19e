package dev.starling.model.privacy;

import io.vavr.collection.Set;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * One {@code <item/>} of a privacy list (XEP-0016 §2.1): what it matches (a JID, a roster group, a
 * subscription state, or everything when it has no type), what it does, its place in the list, and
 * the stanza kinds it covers (all when none is named).
 *
 * @param type   what the value names; none for the fall-through rule
 * @param value  the JID, group or subscription state; none for the fall-through rule
 * @param action allow or deny
 * @param order  its place, unique in the list, processed ascending
 * @param kinds  the stanza kinds it covers; empty for all of them
 */
public record PrivacyRule(Option<Type> type, Option<String> value, Action action, long order, Set<Kind> kinds) {

    /** What a rule's value names. */
    public enum Type {
        /** A JID, matched as XEP-0016 §2.1 orders: full, bare, domain/resource, domain. */
        JID,
        /** A group of the user's roster. */
        GROUP,
        /** A subscription state: both, to, from or none (none includes entities not in the roster). */
        SUBSCRIPTION
    }

    /** What a matching rule does. */
    public enum Action {
        /** Let the stanza through. */
        ALLOW,
        /** Block it. */
        DENY
    }

    /** The stanza kinds a rule can cover (its child elements). */
    public enum Kind {
        /** {@code <message/>}: incoming messages. */
        MESSAGE,
        /** {@code <iq/>}: incoming IQs. */
        IQ,
        /** {@code <presence-in/>}: incoming presence notifications. */
        PRESENCE_IN,
        /** {@code <presence-out/>}: outgoing presence notifications. */
        PRESENCE_OUT
    }

    public PrivacyRule {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(kinds, "kinds");
        if (order < 0) {
            throw new IllegalArgumentException("a rule's order is a non-negative integer");
        }
        if (type.isDefined() != value.isDefined()) {
            throw new IllegalArgumentException("a rule has both a type and a value, or neither (the fall-through rule)");
        }
    }

    /** Whether the rule covers this kind of stanza. */
    public boolean covers(Kind kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }
}
