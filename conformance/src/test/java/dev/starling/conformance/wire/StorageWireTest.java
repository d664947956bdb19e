package dev.starling.conformance.wire;

import dev.starling.codec.xml.XmlEquivalence;
import dev.starling.io.client.XmppClient;
import dev.starling.io.client.XmppException;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.IqType;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * vCards and private storage over real sockets (XEP-0054, XEP-0049, with XEP-0048 bookmarks as
 * the stored data): Juliet sets her vCard and reads it back, Romeo reads it through her bare JID
 * and may not change it, and her bookmarks survive her next login while her annotations stay
 * apart. The client advertises the hash of the vCard's image in presence (XEP-0153).
 */
class StorageWireTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Jid JULIET = Jid.of("juliet@localhost");

    private final WireFixture fixture = new WireFixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void vcardsAreKeptAndSharedButOnlyTheOwnerChangesThem() {
        XmppClient juliet = fixture.connect("juliet");
        XmppClient romeo = fixture.connect("romeo");
        assertThat(juliet.storage().vcard(Option.none()).block(WAIT).elements()).as("no vCard yet: an empty one").isEmpty();

        Element vcard = Element.builder("vcard-temp", "vCard")
                .child(Element.builder("vcard-temp", "FN").text("Juliet Capulet").build())
                .child(Element.builder("vcard-temp", "NICKNAME").text("juliet").build()).build();
        juliet.storage().setVcard(vcard).block(WAIT);
        assertThat(XmlEquivalence.equivalent(juliet.storage().vcard(Option.none()).block(WAIT), vcard)).isTrue();
        assertThat(XmlEquivalence.equivalent(romeo.storage().vcard(Option.some(JULIET)).block(WAIT), vcard))
                .as("read through her bare JID (XEP-0054 §2.2)").isTrue();

        try {
            romeo.request(IqType.SET, Option.some(JULIET), vcard).block(WAIT);
            throw new AssertionError("Romeo changed Juliet's vCard");
        } catch (XmppException e) {
            assertThat(e.getMessage()).contains("forbidden");
        }
        juliet.close().block(WAIT);
        romeo.close().block(WAIT);
    }

    @Test
    void bookmarksInPrivateStorageSurviveTheNextLogin() {
        XmppClient juliet = fixture.connect("juliet");
        Element bookmarks = Element.builder("storage:bookmarks", "storage")
                .child(Element.builder("storage:bookmarks", "conference").attribute("jid", "council@conference.localhost")
                        .attribute("autojoin", "true").attribute("name", "The Council")
                        .child(Element.builder("storage:bookmarks", "nick").text("Juliet").build()).build()).build();
        Element notes = Element.builder("storage:rosternotes", "storage")
                .child(Element.builder("storage:rosternotes", "note").attribute("jid", "romeo@localhost").text("a Montague").build()).build();
        juliet.storage().store(bookmarks, notes).block(WAIT);
        juliet.close().block(WAIT);

        XmppClient again = fixture.connect("juliet");
        var loaded = again.storage().load(QName.of("storage:bookmarks", "storage")).block(WAIT);
        assertThat(loaded).hasSize(1);
        assertThat(XmlEquivalence.equivalent(loaded.head(), bookmarks)).isTrue();
        var annotations = again.storage().load(QName.of("storage:rosternotes", "storage")).block(WAIT);
        assertThat(XmlEquivalence.equivalent(annotations.head(), notes)).isTrue();
        assertThat(again.storage().load(QName.of("urn:starling:nothing", "prefs")).block(WAIT)).as("nothing stored: the empty element")
                .singleElement().satisfies(empty -> assertThat(empty.elements()).isEmpty());
        var typed = again.storage().bookmarks().block(WAIT);
        assertThat(typed.conferences()).containsExactly(new dev.starling.model.bookmarks.Bookmarks.Conference(Jid.of("council@conference.localhost"),
                Option.some("The Council"), true, Option.some("Juliet"), Option.none()));
        assertThat(again.storage().notes().block(WAIT).notes().map(n -> n.text())).containsExactly("a Montague");
        again.storage().setBookmarks(new dev.starling.model.bookmarks.Bookmarks(typed.conferences(), io.vavr.collection.Array.of(
                new dev.starling.model.bookmarks.Bookmarks.Url(Option.some("Works"), "http://the-tech.mit.edu/Shakespeare/")))).block(WAIT);
        assertThat(again.storage().bookmarks().block(WAIT).urls().map(u -> u.url())).containsExactly("http://the-tech.mit.edu/Shakespeare/");
        again.close().block(WAIT);
    }

    @Test
    void theNestedGroupsDelimiterIsKeptAndNestsTheRosterGroups() {
        XmppClient juliet = fixture.connect("juliet");
        assertThat(juliet.storage().rosterDelimiter().block(Duration.ofSeconds(10))).as("nothing stored yet").isEmpty();
        juliet.storage().setRosterDelimiter("::").block(Duration.ofSeconds(10));
        juliet.roster().load().block(Duration.ofSeconds(10));
        juliet.roster().put(dev.starling.model.jid.Jid.of("bottom@athens.gr"), io.vavr.control.Option.none(),
                io.vavr.collection.Array.of("Midsummer::Actors")).block(Duration.ofSeconds(10));
        juliet.close().block(Duration.ofSeconds(10));

        XmppClient again = fixture.connect("juliet"); // XEP-0083 §2: ask for the delimiter before the roster
        io.vavr.control.Option<String> delimiter = again.storage().rosterDelimiter().block(Duration.ofSeconds(10));
        assertThat(delimiter).contains("::");
        again.roster().load().block(Duration.ofSeconds(10));
        var actors = again.roster().groups(delimiter).group("Midsummer").flatMap(midsummer -> midsummer.group("Actors"));
        assertThat(actors.map(group -> group.contacts().map(item -> item.jid().toString()))).contains(io.vavr.collection.Array.of("bottom@athens.gr"));
        again.close().block(Duration.ofSeconds(10));
    }

    @Test
    void theAvatarHashOfTheVcardGoesOutInPresence() throws Exception {
        XmppClient juliet = fixture.connect("juliet");
        java.util.concurrent.BlockingQueue<dev.starling.model.stanza.Presence> own = new java.util.concurrent.LinkedBlockingQueue<>();
        juliet.stanzas().ofType(dev.starling.model.stanza.Presence.class).subscribe(own::add);
        assertThat(juliet.avatar().photo()).as("XEP-0153 §4.5: not ready before the vCard is known").isEmpty();
        juliet.available().block(WAIT);
        assertThat(own.poll(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).firstChild(dev.starling.model.im.AvatarUpdate.class))
                .as("Example 6: an empty update").contains(dev.starling.model.im.AvatarUpdate.notReady());

        byte[] image = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        Element vcard = Element.builder("vcard-temp", "vCard").child(Element.builder("vcard-temp", "PHOTO")
                .child(Element.builder("vcard-temp", "TYPE").text("image/png").build())
                .child(Element.builder("vcard-temp", "BINVAL").text(java.util.Base64.getMimeEncoder().encodeToString(image)).build()).build()).build();
        juliet.storage().setVcard(vcard).block(WAIT);
        String sha1 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(image));
        juliet.available().block(WAIT);
        assertThat(own.poll(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).firstChild(dev.starling.model.im.AvatarUpdate.class)
                .flatMap(dev.starling.model.im.AvatarUpdate::photo)).as("Example 3: the image's SHA-1").contains(sha1);

        XmppClient again = fixture.connect("juliet");
        again.storage().vcard(Option.none()).block(WAIT);
        assertThat(again.avatar().photo()).as("a new session learns the hash by reading the vCard").contains(sha1);
        again.close().block(WAIT);
        juliet.close().block(WAIT);
    }
}
