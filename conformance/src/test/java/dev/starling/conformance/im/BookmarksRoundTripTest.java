package dev.starling.conformance.im;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEquivalence;
import dev.starling.conformance.corpus.StreamReplay;
import dev.starling.conformance.corpus.SpecCorpus;
import dev.starling.model.Namespaces;
import dev.starling.model.bookmarks.Bookmarks;
import dev.starling.model.bookmarks.RosterNotes;
import dev.starling.model.element.Element;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code <storage/>} element in the examples of XEP-0048 (bookmarks, in private storage and
 * in PEP) and XEP-0145 (roster notes), read raw from the example, decodes to its record and
 * encodes back to the same XML;
 * Examples 1 and 2 of XEP-0048 are bare elements, the rest sit inside stanzas.
 */
class BookmarksRoundTripTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();

    @Test
    void everyBookmarkStorageOfXep0048RoundTrips() {
        Seq<Element> storages = storages("xep-0048", Bookmarks.NAMESPACE);
        assertThat(storages).hasSizeGreaterThanOrEqualTo(5);
        storages.forEach(storage -> roundTrips(storage, Bookmarks.class));
        Bookmarks example1 = (Bookmarks) REGISTRY.decodePayload(storages.head(), Namespaces.CLIENT).get();
        assertThat(example1.conferences().head().nick()).contains("Puck");
        assertThat(example1.conferences().head().autojoin()).isTrue();
    }

    @Test
    void everyRosterNotesStorageOfXep0145RoundTrips() {
        Seq<Element> storages = storages("xep-0145", RosterNotes.NAMESPACE);
        assertThat(storages).isNotEmpty();
        storages.forEach(storage -> roundTrips(storage, RosterNotes.class));
        RosterNotes example1 = (RosterNotes) REGISTRY.decodePayload(storages.head(), Namespaces.CLIENT).get();
        assertThat(example1.notes().map(RosterNotes.Note::text)).containsExactly("Seems to be a good writer", "Oh my sweetest love ...");
    }

    private static void roundTrips(Element storage, Class<?> type) {
        var decoded = REGISTRY.decodePayload(storage, Namespaces.CLIENT);
        assertThat(decoded.get()).isInstanceOf(type);
        assertThat(XmlEquivalence.normalize(REGISTRY.encode(decoded.get(), Namespaces.CLIENT))).isEqualTo(XmlEquivalence.normalize(storage));
    }

    /** The storage elements of a spec's examples, whether bare or inside stanzas. */
    private static Seq<Element> storages(String spec, String namespace) {
        return List.ofAll(SpecCorpus.read(spec + ".json").examples()).flatMap(example -> {
            String text = example.text().strip();
            Seq<Element> roots = StreamReplay.events(text.startsWith("<storage") ? "<message>" + text + "</message>" : text,
                            StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE)
                    .filter(StreamEvent.TopLevelElement.class::isInstance).map(event -> ((StreamEvent.TopLevelElement) event).element());
            return roots.flatMap(root -> descendants(root)).filter(e -> e.localName().equals("storage") && e.namespace().equals(namespace));
        });
    }

    private static Seq<Element> descendants(Element element) {
        return element.elements().flatMap(child -> descendants(child).prepend(child));
    }
}
