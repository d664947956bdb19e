package dev.starling.io.store;

import dev.starling.machine.blocking.Blocklist;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Array;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link BlocklistStore} must do: a saved list comes back in order, a save replaces it, none means empty. */
abstract class BlocklistStoreContract {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** The store under test, with the account {@code juliet} created. */
    abstract BlocklistStore store();

    @Test
    void aSavedListComesBackInOrderAndASaveReplacesIt() {
        Blocklist list = Blocklist.EMPTY.block(Array.of(Jid.of("romeo@montague.net"), Jid.of("montague.net/orchard"), Jid.of("iago.example")));
        store().save("juliet", list).block(WAIT);
        assertThat(store().load("juliet").block(WAIT).jids().toList()).isEqualTo(list.jids().toList());

        store().save("juliet", list.unblock(Array.of(Jid.of("iago.example")))).block(WAIT);
        assertThat(store().load("juliet").block(WAIT).jids().toList())
                .containsExactly(Jid.of("romeo@montague.net"), Jid.of("montague.net/orchard"));
    }

    @Test
    void anAccountThatBlockedNobodyHasAnEmptyList() {
        assertThat(store().load("juliet").block(WAIT)).isEqualTo(Blocklist.EMPTY);
    }
}
