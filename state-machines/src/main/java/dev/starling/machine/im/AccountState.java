package dev.starling.machine.im;

import dev.starling.machine.blocking.Blocklist;
import dev.starling.machine.privacy.Privacy;
import dev.starling.machine.roster.Roster;
import dev.starling.model.element.Element;
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
 * @param connected  resources bound to a session, available or not (RFC 6121 §1.4: "connected resources")
 * @param interested resources that requested the roster and so get roster pushes (RFC 6121 §2.1.6)
 * @param available  available resources with the last presence each broadcast (RFC 6121 §4.2, §4.4)
 * @param directed   per resource, the entities it sent directed presence to (RFC 6121 §4.6)
 * @param blocklist  the JIDs the account blocks (XEP-0191)
 * @param blockers   resources that requested the blocklist and so get its pushes (XEP-0191 §3.3)
 * @param data       what the server keeps for the account by key: its vCard, its private XML (XEP-0054, XEP-0049)
 * @param exists     whether the account exists (RFC 6121 §8.5.1 treats stanzas for unknown accounts apart)
 * @param offline    the messages in offline storage and who retrieves them (XEP-0160, XEP-0013)
 * @param privacy    the privacy lists, the default and each session's active list (XEP-0016)
 */
public record AccountState(Jid account, Roster roster, Set<String> connected, Set<String> interested, Map<String, Presence> available,
                           Map<String, Set<Jid>> directed, Blocklist blocklist, Set<String> blockers, Map<String, Element> data, boolean exists, OfflineQueue offline,
                           Privacy privacy) {

    public AccountState {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(connected, "connected");
        Objects.requireNonNull(interested, "interested");
        Objects.requireNonNull(available, "available");
        Objects.requireNonNull(directed, "directed");
        Objects.requireNonNull(blocklist, "blocklist");
        Objects.requireNonNull(blockers, "blockers");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(offline, "offline");
        Objects.requireNonNull(privacy, "privacy");
    }

    /** The entity of an existing account with this stored roster, nothing blocked or stored, and no resource online. */
    public static AccountState of(Jid account, Roster roster) {
        return of(account, roster, Blocklist.EMPTY, LinkedHashMap.empty(), true, OfflineQueue.EMPTY, Privacy.NONE);
    }

    /** The entity of an account as the store describes it, with no resource online. */
    public static AccountState of(Jid account, Roster roster, Blocklist blocklist, Map<String, Element> data, boolean exists, OfflineQueue offline,
                                  Privacy privacy) {
        return new AccountState(account.bare(), roster, LinkedHashSet.empty(), LinkedHashSet.empty(), LinkedHashMap.empty(),
                LinkedHashMap.empty(), blocklist, LinkedHashSet.empty(), data, exists, offline, privacy);
    }

    /** The full JID of one of the account's resources. */
    Jid full(String resource) {
        return account.withResource(resource).get();
    }

    AccountState withConnected(Set<String> newConnected) {
        return new AccountState(account, roster, newConnected, interested, available, directed, blocklist, blockers, data, exists, offline, privacy);
    }

    AccountState withRoster(Roster newRoster) {
        return new AccountState(account, newRoster, connected, interested, available, directed, blocklist, blockers, data, exists, offline, privacy);
    }

    AccountState withInterested(Set<String> newInterested) {
        return new AccountState(account, roster, connected, newInterested, available, directed, blocklist, blockers, data, exists, offline, privacy);
    }

    AccountState withAvailable(Map<String, Presence> newAvailable) {
        return new AccountState(account, roster, connected, interested, newAvailable, directed, blocklist, blockers, data, exists, offline, privacy);
    }

    AccountState withBlocklist(Blocklist newBlocklist) {
        return new AccountState(account, roster, connected, interested, available, directed, newBlocklist, blockers, data, exists, offline, privacy);
    }

    AccountState withBlockers(Set<String> newBlockers) {
        return new AccountState(account, roster, connected, interested, available, directed, blocklist, newBlockers, data, exists, offline, privacy);
    }

    AccountState withData(Map<String, Element> newData) {
        return new AccountState(account, roster, connected, interested, available, directed, blocklist, blockers, newData, exists, offline, privacy);
    }

    AccountState withOffline(OfflineQueue queue) {
        return new AccountState(account, roster, connected, interested, available, directed, blocklist, blockers, data, exists, queue, privacy);
    }

    AccountState withPrivacy(Privacy newPrivacy) {
        return new AccountState(account, roster, connected, interested, available, directed, blocklist, blockers, data, exists, offline, newPrivacy);
    }

    AccountState withDirected(Map<String, Set<Jid>> newDirected) {
        return new AccountState(account, roster, connected, interested, available, newDirected, blocklist, blockers, data, exists, offline, privacy);
    }
}
