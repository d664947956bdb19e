package dev.starling.machine.im;

import dev.starling.machine.roster.Roster;
import dev.starling.model.stanza.Stanza;

/**
 * What an account entity asks the shell to do, in order. The shell finishes {@link StoreRoster}
 * before it performs the outputs after it, so nothing is acknowledged or pushed before it is stored.
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
     * Route a stanza the server sends on the account's behalf (from its bare JID) to a contact.
     *
     * @param stanza the stanza, 'to' the contact
     */
    record ToContact(Stanza stanza) implements AccountOutput {
    }

    /**
     * Store the roster: it changed (RFC 6121 §2.1: acknowledged changes must survive).
     *
     * @param roster the roster to keep
     */
    record StoreRoster(Roster roster) implements AccountOutput {
    }
}
