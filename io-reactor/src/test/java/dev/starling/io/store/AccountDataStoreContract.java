package dev.starling.io.store;

import dev.starling.model.element.Element;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link AccountDataStore} must do: elements come back whole by key, a save replaces, none forgets. */
abstract class AccountDataStoreContract {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** The store under test, with the account {@code juliet} created. */
    abstract AccountDataStore store();

    private static Element vcard(String name) {
        return Element.builder("vcard-temp", "vCard").child(Element.builder("vcard-temp", "FN").text(name).build())
                .child(Element.builder("vcard-temp", "PHOTO").child(Element.builder("vcard-temp", "BINVAL").text("iVBORw0KGgo=").build()).build())
                .build();
    }

    @Test
    void elementsComeBackWholeByKeyAndASaveReplaces() {
        store().save("juliet", "vcard", Option.some(vcard("Juliet"))).block(WAIT);
        store().save("juliet", "private:storage:bookmarks", Option.some(Element.of("storage:bookmarks", "storage"))).block(WAIT);
        store().save("juliet", "vcard", Option.some(vcard("Juliet Capulet"))).block(WAIT);

        var loaded = store().load("juliet").block(WAIT);
        assertThat(loaded.get("vcard")).contains(vcard("Juliet Capulet"));
        assertThat(loaded.get("private:storage:bookmarks")).contains(Element.of("storage:bookmarks", "storage"));
    }

    @Test
    void savingNoneForgetsTheKey() {
        store().save("juliet", "vcard", Option.some(vcard("Juliet"))).block(WAIT);
        store().save("juliet", "vcard", Option.none()).block(WAIT);
        assertThat(store().load("juliet").block(WAIT)).isEmpty();
    }
}
