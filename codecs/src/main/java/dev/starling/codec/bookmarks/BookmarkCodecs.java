package dev.starling.codec.bookmarks;

import dev.starling.codec.CodecContext;
import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.DateTimes;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.bookmarks.Bookmarks;
import dev.starling.model.bookmarks.RosterNotes;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * XEP-0048 bookmarks and XEP-0145 roster notes, each a {@code <storage/>} element of its own
 * namespace. A conference or note without a valid 'jid' and a url bookmark without a 'url' are
 * bad-request (jid-malformed for a JID that does not parse); autojoin is "true" or "1" (XML
 * Schema boolean); note dates are XEP-0082 DateTimes, unreadable ones bad-request.
 */
public final class BookmarkCodecs {

    private static final QName BOOKMARKS = QName.of(Bookmarks.NAMESPACE, "storage");
    private static final QName NOTES = QName.of(RosterNotes.NAMESPACE, "storage");

    private BookmarkCodecs() {
    }

    /** The registry with both storage elements added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry
                .withPayload(new FunctionalCodec<>(List.of(BOOKMARKS), Bookmarks.class, BookmarkCodecs::bookmarks, BookmarkCodecs::encodeBookmarks))
                .withPayload(new FunctionalCodec<>(List.of(NOTES), RosterNotes.class, BookmarkCodecs::notes, BookmarkCodecs::encodeNotes));
    }

    private static Either<CodecError, Bookmarks> bookmarks(Element storage, CodecContext context) {
        Array<Bookmarks.Conference> conferences = Array.empty();
        for (Element conference : storage.elements(QName.of(Bookmarks.NAMESPACE, "conference"))) {
            Either<CodecError, Jid> jid = jid(conference, "a conference bookmark");
            if (jid.isLeft()) {
                return Either.left(jid.getLeft());
            }
            conferences = conferences.append(new Bookmarks.Conference(jid.get(), conference.attribute("name"),
                    conference.attribute("autojoin").exists(a -> a.equals("true") || a.equals("1")),
                    conference.element(Bookmarks.NAMESPACE, "nick").map(Element::text),
                    conference.element(Bookmarks.NAMESPACE, "password").map(Element::text)));
        }
        Array<Bookmarks.Url> urls = Array.empty();
        for (Element url : storage.elements(QName.of(Bookmarks.NAMESPACE, "url"))) {
            if (url.attribute("url").isEmpty()) {
                return Either.left(CodecError.badRequest("a url bookmark needs a 'url' (XEP-0048 §3.3)"));
            }
            urls = urls.append(new Bookmarks.Url(url.attribute("name"), url.attribute("url").get()));
        }
        return Either.right(new Bookmarks(conferences, urls));
    }

    private static Element encodeBookmarks(Bookmarks bookmarks, CodecContext context) {
        Element.Builder storage = Element.builder(BOOKMARKS);
        for (Bookmarks.Conference conference : bookmarks.conferences()) {
            Element.Builder element = Element.builder(Bookmarks.NAMESPACE, "conference").attribute("name", conference.name())
                    .attribute("autojoin", conference.autojoin() ? Option.some("true") : Option.none()).attribute("jid", conference.jid().toString());
            conference.nick().forEach(nick -> element.child(Element.builder(Bookmarks.NAMESPACE, "nick").text(nick).build()));
            conference.password().forEach(password -> element.child(Element.builder(Bookmarks.NAMESPACE, "password").text(password).build()));
            storage.child(element.build());
        }
        bookmarks.urls().forEach(url -> storage.child(Element.builder(Bookmarks.NAMESPACE, "url").attribute("name", url.name())
                .attribute("url", url.url()).build()));
        return storage.build();
    }

    private static Either<CodecError, RosterNotes> notes(Element storage, CodecContext context) {
        Array<RosterNotes.Note> notes = Array.empty();
        for (Element note : storage.elements(QName.of(RosterNotes.NAMESPACE, "note"))) {
            Either<CodecError, Jid> jid = jid(note, "a roster note");
            Option<Option<Instant>> created = note.attribute("cdate").map(DateTimes::parse);
            Option<Option<Instant>> changed = note.attribute("mdate").map(DateTimes::parse);
            if (jid.isLeft()) {
                return Either.left(jid.getLeft());
            }
            if (created.exists(Option::isEmpty) || changed.exists(Option::isEmpty)) {
                return Either.left(CodecError.badRequest("a roster note's dates are XEP-0082 DateTimes"));
            }
            notes = notes.append(new RosterNotes.Note(jid.get(), created.map(Option::get), changed.map(Option::get), note.text()));
        }
        return Either.right(new RosterNotes(notes));
    }

    private static Element encodeNotes(RosterNotes notes, CodecContext context) {
        Element.Builder storage = Element.builder(NOTES);
        notes.notes().forEach(note -> storage.child(Element.builder(RosterNotes.NAMESPACE, "note").attribute("jid", note.jid().toString())
                .attribute("cdate", note.created().map(DateTimes::format)).attribute("mdate", note.changed().map(DateTimes::format))
                .text(note.text()).build()));
        return storage.build();
    }

    private static Either<CodecError, Jid> jid(Element element, String what) {
        if (element.attribute("jid").isEmpty()) {
            return Either.left(CodecError.badRequest(what + " needs a 'jid'"));
        }
        return Jid.parse(element.attribute("jid").get()).<CodecError>mapLeft(error -> CodecError.jidMalformed(what + ": " + error));
    }
}
