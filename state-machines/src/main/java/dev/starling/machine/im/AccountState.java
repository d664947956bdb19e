package dev.starling.machine.im;

import dev.starling.machine.roster.Roster;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Presence;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Set;

import java.util.Objects;

/**
 * One account as its entity knows it.
 *
 * @param account    the account's bare JID
 * @param roster     its roster
 * @param interested resources that requested the roster and so get roster pushes (RFC 6121 §2.1.6)
 * @param available  available resources with the last presence each broadcast (RFC 6121 §4.2, §4.4)
 * @param directed   per resource, the entities it sent directed presence to (RFC 6121 §4.6)
 */
public record AccountState(Jid account, Roster roster, Set<String> interested, Map<String, Presence> available,
                           Map<String, Set<Jid>> directed) {

    public AccountState {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(interested, "interested");
        Objects.requireNonNull(available, "available");
        Objects.requireNonNull(directed, "directed");
    }

    /** The entity of an account with this stored roster and no resource online. */
    public static AccountState of(Jid account, Roster roster) {
        return new AccountState(account.bare(), roster, LinkedHashSet.empty(), LinkedHashMap.empty(), LinkedHashMap.empty());
    }

    /** The full JID of one of the account's resources. */
    Jid full(String resource) {
        return account.withResource(resource).get();
    }

    AccountState withRoster(Roster newRoster) {
        return new AccountState(account, newRoster, interested, available, directed);
    }

    AccountState withInterested(Set<String> newInterested) {
        return new AccountState(account, roster, newInterested, available, directed);
    }

    AccountState withAvailable(Map<String, Presence> newAvailable) {
        return new AccountState(account, roster, interested, newAvailable, directed);
    }

    AccountState withDirected(Map<String, Set<Jid>> newDirected) {
        return new AccountState(account, roster, interested, available, newDirected);
    }
}
