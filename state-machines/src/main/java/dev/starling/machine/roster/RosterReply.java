package dev.starling.machine.roster;

import dev.starling.model.roster.RosterItem;
import dev.starling.model.stanza.Iq;
import io.vavr.collection.Seq;

import java.util.Objects;

/**
 * The server's answer to one roster request.
 *
 * @param change  what the request did to the roster (pushes for every interested resource, stanzas for the contact)
 * @param reply   the result or error for the requesting resource
 * @param interim the interim pushes for the requesting resource only, after {@code reply} (RFC 6121 §2.6.3)
 */
public record RosterReply(RosterChange change, Iq reply, Seq<RosterItem> interim) {

    public RosterReply {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(interim, "interim");
    }
}
