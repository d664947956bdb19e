package dev.starling.io.store;

import dev.starling.machine.im.OfflineQueue;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading a database an older Starling left behind, on H2 and on PostgreSQL: a schema at
 * version 6 (before XEP-0013 nodes) holding an account and two offline messages in the old shape is
 * opened by the current store. Migration 7 runs once, the messages keep their order and gain the
 * nodes the migration gives them (their old sequence numbers), they can be removed by node, and a
 * new message stored after the upgrade comes after them. Opening the upgraded database again
 * changes nothing.
 */
class SchemaUpgradeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String FIRST = "<message xmlns='jabber:client' from='romeo@example.net/orchard' to='juliet@example.com' type='chat'><body>first</body></message>";
    private static final String SECOND = "<message xmlns='jabber:client' from='romeo@example.net/orchard' to='juliet@example.com' type='chat'><body>second</body></message>";

    @Test
    void anH2DatabaseAtVersion6IsUpgradedWithItsOfflineMessages() throws Exception {
        Path directory = Files.createTempDirectory("starling-upgrade");
        upgrades(() -> TestDatabase.h2(directory));
    }

    @Test
    void aPostgresDatabaseAtVersion6IsUpgradedWithItsOfflineMessages() throws Exception {
        upgrades(TestDatabase::postgres);
    }

    private static void upgrades(Supplier<TestDatabase> databases) throws Exception {
        try (TestDatabase database = databases.get()) {
            try (Connection old = database.connect()) {
                assertThat(SchemaMigrations.migrate(old, 6)).isEqualTo(6);
                try (Statement statement = old.createStatement()) {
                    statement.execute("INSERT INTO account (username) VALUES ('juliet')");
                    statement.execute("INSERT INTO offline_message (username, stanza) VALUES ('juliet', '" + FIRST.replace("'", "''") + "')");
                    statement.execute("INSERT INTO offline_message (username, stanza) VALUES ('juliet', '" + SECOND.replace("'", "''") + "')");
                }
            }

            try (JdbcAccountStore upgraded = database.open()) {
                Seq<OfflineQueue.Stored> kept = upgraded.offline().list("juliet").block(WAIT);
                assertThat(kept.map(stored -> stored.message().body().get())).containsExactly("first", "second");
                assertThat(kept.map(OfflineQueue.Stored::node)).allSatisfy(node -> assertThat(node).matches("\\d+"));
                assertThat(Long.parseLong(kept.get(0).node())).isLessThan(Long.parseLong(kept.get(1).node()));

                upgraded.offline().remove("juliet", Array.of(kept.get(0).node())).block(WAIT);
                upgraded.offline().store("juliet", new OfflineQueue.Stored("2026-01-01T00:00:00Z-1", kept.get(0).message())).block(WAIT);
                assertThat(upgraded.offline().list("juliet").block(WAIT).map(OfflineQueue.Stored::node))
                        .containsExactly(kept.get(1).node(), "2026-01-01T00:00:00Z-1");
            }

            try (JdbcAccountStore again = database.open(); Connection check = database.connect()) {
                assertThat(again.offline().list("juliet").block(WAIT)).hasSize(2);
                assertThat(versions(check)).containsExactly(1, 2, 3, 4, 5, 6, 7);
            }
        }
    }

    private static Seq<Integer> versions(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            Array<Integer> found = Array.empty();
            while (rows.next()) {
                found = found.append(rows.getInt(1));
            }
            return found;
        }
    }
}
