package dev.starling.model.bookmarks;

import dev.starling.model.Extension;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * {@code <storage xmlns='storage:bookmarks'/>} (XEP-0048 §3): the user's chat rooms and web pages.
 *
 * @param conferences the rooms
 * @param urls        the web pages
 */
public record Bookmarks(Seq<Conference> conferences, Seq<Url> urls) implements Extension {

    /** The namespace. */
    public static final String NAMESPACE = "storage:bookmarks";

    public Bookmarks {
        Objects.requireNonNull(conferences, "conferences");
        Objects.requireNonNull(urls, "urls");
    }

    /**
     * A chat room (XEP-0048 §3.2).
     *
     * @param jid      the room
     * @param name     a friendly name
     * @param autojoin whether the client joins it at login
     * @param nick     the nickname to join with
     * @param password the room's password (stored in the clear, XEP-0048 §3.2 warns)
     */
    public record Conference(Jid jid, Option<String> name, boolean autojoin, Option<String> nick, Option<String> password) {
        public Conference {
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(nick, "nick");
            Objects.requireNonNull(password, "password");
        }
    }

    /**
     * A web page (XEP-0048 §3.3).
     *
     * @param name a friendly name
     * @param url  the address
     */
    public record Url(Option<String> name, String url) {
        public Url {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
        }
    }
}
