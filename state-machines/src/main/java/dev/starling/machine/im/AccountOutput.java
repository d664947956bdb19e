package dev.starling.machine.im;

import dev.starling.machine.roster.Roster;
import dev.starling.model.stanza.Stanza;

/**
 * What an account entity asks the shell to do, in order. The shell finishes {@link StoreRoster},
 * {@link StoreBlocklist}, {@link StoreData}, {@link StorePrivacy}, {@link StoreOffline} and {@link ForgetOffline} before it performs the outputs after them, so
 * nothing is acknowledged or pushed before it is stored.
 */
public sealed interface AccountOutput {

    /**
     * Deliver a stanza to one of the account's bound resources.
     *
     * @param resource the resourcepart
     * @param stanza   the stanza, addressed to that full JID or to the account's bare JID
     */
    record ToResource(String resource, Stanza stanza) implements AccountOutput {
    }

    /**
     * Route a stanza the server sends on the account's behalf (presence and subscription stanzas
     * to contacts, errors to senders).
     *
     * @param stanza the stanza, 'to' its addressee
     */
    record ToContact(Stanza stanza) implements AccountOutput {
    }

    /**
     * Keep a message for the account until it comes online (XEP-0160); durable before the outputs after it.
     *
     * @param stored the message, stamped with its delay (XEP-0203), and its node (XEP-0013)
     */
    record StoreOffline(OfflineQueue.Stored stored) implements AccountOutput {
    }

    /**
     * Forget stored messages: handed over by the flood at initial presence (XEP-0160 §3, emitted
     * after the deliveries, so a crash in between repeats rather than loses), or removed or purged
     * through XEP-0013; durable before the outputs after it.
     *
     * @param nodes the messages' nodes
     */
    record ForgetOffline(io.vavr.collection.Seq<String> nodes) implements AccountOutput {
    }

    /**
     * Store the blocklist: it changed (XEP-0191 §3.3: the block applies across sessions).
     *
     * @param blocklist the blocklist to keep
     */
    record StoreBlocklist(dev.starling.machine.blocking.Blocklist blocklist) implements AccountOutput {
    }

    /**
     * Store what the server keeps for the account under a key (its vCard, a namespace of private storage).
     *
     * @param key   the key
     * @param value the element to keep, or none to forget the key
     */
    record StoreData(String key, io.vavr.control.Option<dev.starling.model.element.Element> value) implements AccountOutput {
    }

    /**
     * Store the privacy lists and the default list: they changed (XEP-0016); session-scoped active
     * lists are not stored.
     *
     * @param privacy the account's privacy
     */
    record StorePrivacy(dev.starling.machine.privacy.Privacy privacy) implements AccountOutput {
    }

    /**
     * Store the roster: it changed (RFC 6121 §2.1: acknowledged changes must survive).
     *
     * @param roster the roster to keep
     */
    record StoreRoster(Roster roster) implements AccountOutput {
    }
}
