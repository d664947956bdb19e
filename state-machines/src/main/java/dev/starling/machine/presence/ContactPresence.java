package dev.starling.machine.presence;

import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * What a client knows of its contacts' presence (RFC 6121 §4), kept from the presence stanzas
 * it receives: for each contact (bare JID), the available presence of each of its resources.
 * Pure: {@link #receive} returns the new view and what changed.
 *
 * <ul>
 *   <li>Available presence from a full JID (§4.4.2, §4.2.3) records or replaces that resource's.</li>
 *   <li>Unavailable presence from a full JID (§4.5.2) removes that resource; from a bare JID (the
 *       answer to a probe when no resource is online, §4.3.2, or the server's unavailable after
 *       an unsubscription, §3.3.3) removes every resource of the contact.</li>
 *   <li>A presence of type {@code error} from a contact (RFC 6120 §8.3: its server could not
 *       deliver ours, or has no such user) removes the contact's resources: nothing known of
 *       them is current.</li>
 *   <li>Subscription stanzas (§3) and presence without {@code from} change nothing here.</li>
 * </ul>
 *
 * {@link #best} picks the resource a message to the bare JID would most likely reach: the
 * highest non-negative priority, the most recent update among equals (§4.7.2.3: a resource of
 * negative priority never gets messages to the bare JID; §8.5.2.1.1).
 *
 * @param contacts per contact, its resources' current available presence in order of last update
 */
public record ContactPresence(Map<Jid, Map<Jid, Presence>> contacts) {

    public ContactPresence {
        Objects.requireNonNull(contacts, "contacts");
    }

    /** Nothing known yet. */
    public static ContactPresence empty() {
        return new ContactPresence(LinkedHashMap.empty());
    }

    /**
     * What one received presence changes.
     *
     * @param from     the resource (full JID) or the whole contact (bare JID) that changed
     * @param presence the new presence; unavailable when a resource or the contact went away
     */
    public record Change(Jid from, Presence presence) {
    }

    /**
     * The view after {@code presence}, and the change it makes: none for subscription stanzas, for
     * news of resources not known online, and for a repeat of a resource's presence (which still
     * makes it the most recently updated).
     */
    public Tuple2<ContactPresence, Option<Change>> receive(Presence presence) {
        if (presence.from().isEmpty()) {
            return Tuple.of(this, Option.none());
        }
        Jid from = presence.from().get();
        Jid contact = from.bare();
        Map<Jid, Presence> resources = contacts.get(contact).getOrElse(LinkedHashMap.empty());
        if (presence.isAvailable() && from.resource().isDefined()) {
            // removed first, so that the resource moves to the end: the most recent update
            Map<Jid, Presence> updated = resources.remove(from).put(from, presence);
            return resources.get(from).contains(presence) ? Tuple.of(new ContactPresence(contacts.put(contact, updated)), Option.none())
                    : changed(contact, updated, new Change(from, presence));
        }
        boolean gone = presence.type().contains(PresenceType.UNAVAILABLE) || presence.type().contains(PresenceType.ERROR);
        if (!gone) {
            return Tuple.of(this, Option.none());
        }
        if (from.resource().isDefined() && !presence.type().contains(PresenceType.ERROR)) {
            return resources.containsKey(from) ? changed(contact, resources.remove(from), new Change(from, presence))
                    : Tuple.of(this, Option.none());
        }
        return resources.isEmpty() ? Tuple.of(this, Option.none())
                : changed(contact, LinkedHashMap.empty(), new Change(contact, presence.withType(Option.some(PresenceType.UNAVAILABLE))));
    }

    private Tuple2<ContactPresence, Option<Change>> changed(Jid contact, Map<Jid, Presence> resources, Change change) {
        Map<Jid, Map<Jid, Presence>> next = resources.isEmpty() ? contacts.remove(contact) : contacts.put(contact, resources);
        return Tuple.of(new ContactPresence(next), Option.some(change));
    }

    /** The contact's online resources' available presence, least recently updated first. */
    public Seq<Presence> resources(Jid contact) {
        return contacts.get(contact.bare()).map(Map::values).getOrElse(io.vavr.collection.Array.empty());
    }

    /** Whether any resource of the contact is online. */
    public boolean isOnline(Jid contact) {
        return contacts.containsKey(contact.bare());
    }

    /** The contact's resource of highest non-negative priority, the most recently updated among equals; none if there is none. */
    public Option<Presence> best(Jid contact) {
        return resources(contact).reverse().filter(presence -> presence.priority() >= 0).maxBy(Presence::priority);
    }
}
