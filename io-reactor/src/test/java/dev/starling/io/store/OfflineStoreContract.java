package dev.starling.io.store;

import dev.starling.machine.im.OfflineQueue;
import dev.starling.model.delay.Delay;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link OfflineStore} must do: messages come back whole (delay stamp and XEP-0013
 * node included) and in arrival order, whatever their nodes, and removal forgets exactly the
 * named nodes.
 */
abstract class OfflineStoreContract {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** The store under test, with the account {@code juliet} created. */
    abstract OfflineStore store();

    private static OfflineQueue.Stored message(String node, String body) {
        return new OfflineQueue.Stored(node, Message.chat(Jid.of("juliet@example.com"), body)
                .withFrom(Option.some(Jid.of("romeo@example.net/orchard"))).withId(Option.some(body))
                .withChild(Delay.of(Jid.of("example.com"), Instant.parse("2026-01-01T10:00:00Z"), "Offline Storage")));
    }

    @Test
    void messagesComeBackWholeAndInArrivalOrder() {
        store().store("juliet", message("2026-01-01T10:00:00.000Z-1", "one")).block(WAIT);
        store().store("juliet", message("2026-01-01T10:00:00.000Z", "two")).block(WAIT);

        assertThat(store().list("juliet").block(WAIT))
                .containsExactly(message("2026-01-01T10:00:00.000Z-1", "one"), message("2026-01-01T10:00:00.000Z", "two"));
    }

    @Test
    void removalForgetsExactlyTheNamedNodes() {
        store().store("juliet", message("a", "one")).block(WAIT);
        store().store("juliet", message("b", "two")).block(WAIT);
        store().store("juliet", message("c", "three")).block(WAIT);

        store().remove("juliet", Array.of("a", "c", "unknown")).block(WAIT);
        assertThat(store().list("juliet").block(WAIT)).containsExactly(message("b", "two"));
        store().remove("juliet", Array.of("b")).block(WAIT);
        assertThat(store().list("juliet").block(WAIT)).isEmpty();
    }

    @Test
    void anAccountWithNothingStoredHasNothing() {
        assertThat(store().list("juliet").block(WAIT)).isEmpty();
    }
}
