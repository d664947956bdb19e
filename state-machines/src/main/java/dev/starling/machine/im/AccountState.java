package dev.starling.machine.im;

import dev.starling.machine.roster.Roster;
import dev.starling.model.jid.Jid;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.Set;

import java.util.Objects;

/**
 * One account as its entity knows it.
 *
 * @param account    the account's bare JID
 * @param roster     its roster
 * @param interested resources that requested the roster and so get roster pushes (RFC 6121 §2.1.6)
 * @param available  resources that sent available presence (RFC 6121 §4.2)
 */
public record AccountState(Jid account, Roster roster, Set<String> interested, Set<String> available) {

    public AccountState {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(interested, "interested");
        Objects.requireNonNull(available, "available");
    }

    /** The entity of an account with this stored roster and no resource online. */
    public static AccountState of(Jid account, Roster roster) {
        return new AccountState(account.bare(), roster, LinkedHashSet.empty(), LinkedHashSet.empty());
    }

    AccountState withRoster(Roster newRoster) {
        return new AccountState(account, newRoster, interested, available);
    }

    AccountState withInterested(Set<String> newInterested) {
        return new AccountState(account, roster, newInterested, available);
    }

    AccountState withAvailable(Set<String> newAvailable) {
        return new AccountState(account, roster, interested, newAvailable);
    }
}
