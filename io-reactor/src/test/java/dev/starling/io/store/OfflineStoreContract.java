package dev.starling.io.store;

import dev.starling.model.delay.Delay;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link OfflineStore} must do: messages come back whole (delay stamp included) and in
 * arrival order, removal forgets exactly up to the given position, and counts follow.
 */
abstract class OfflineStoreContract {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** The store under test, with the account {@code juliet} created. */
    abstract OfflineStore store();

    private static Message message(String body) {
        return Message.chat(Jid.of("juliet@example.com"), body).withFrom(Option.some(Jid.of("romeo@example.net/orchard")))
                .withId(Option.some(body)).withChild(Delay.of(Jid.of("example.com"), Instant.parse("2026-01-01T10:00:00Z"), "Offline Storage"));
    }

    @Test
    void messagesComeBackWholeAndInOrder() {
        store().store("juliet", message("one")).block(WAIT);
        store().store("juliet", message("two")).block(WAIT);

        var stored = store().list("juliet").block(WAIT);
        assertThat(stored.map(OfflineStore.Stored::message)).containsExactly(message("one"), message("two"));
        assertThat(stored.get(0).seq()).isLessThan(stored.get(1).seq());
        assertThat(store().count("juliet").block(WAIT)).isEqualTo(2);
    }

    @Test
    void removalForgetsUpToAPosition() {
        store().store("juliet", message("one")).block(WAIT);
        store().store("juliet", message("two")).block(WAIT);
        long first = store().list("juliet").block(WAIT).head().seq();

        store().remove("juliet", first).block(WAIT);
        assertThat(store().list("juliet").block(WAIT).map(OfflineStore.Stored::message)).containsExactly(message("two"));
        assertThat(store().count("juliet").block(WAIT)).isEqualTo(1);
    }

    @Test
    void anAccountWithNothingStoredHasNothing() {
        assertThat(store().list("juliet").block(WAIT)).isEmpty();
        assertThat(store().count("juliet").block(WAIT)).isZero();
    }
}
