package dev.starling.model.bookmarks;

import dev.starling.model.Extension;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code <storage xmlns='storage:rosternotes'/>} (XEP-0145): the user's notes about contacts.
 *
 * @param notes the notes
 */
public record RosterNotes(Seq<Note> notes) implements Extension {

    /** The namespace. */
    public static final String NAMESPACE = "storage:rosternotes";

    public RosterNotes {
        Objects.requireNonNull(notes, "notes");
    }

    /**
     * A note about one contact.
     *
     * @param jid     the contact
     * @param created when the note was written (XEP-0082 DateTime)
     * @param changed when it was last changed
     * @param text    the note
     */
    public record Note(Jid jid, Option<Instant> created, Option<Instant> changed, String text) {
        public Note {
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(changed, "changed");
            Objects.requireNonNull(text, "text");
        }
    }
}
