package dev.starling.io.store;

import dev.starling.machine.blocking.Blocklist;
import dev.starling.model.jid.Jid;
import io.vavr.collection.LinkedHashSet;
import reactor.core.publisher.Mono;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Blocklists in the account store's database (schema V5); a save replaces the list in one transaction. */
final class JdbcBlocklistStore implements BlocklistStore {

    private final Database database;

    JdbcBlocklistStore(Database database) {
        this.database = database;
    }

    @Override
    public Mono<Blocklist> load(String username) {
        return database.call(() -> {
            try (Connection c = database.connect();
                 PreparedStatement query = c.prepareStatement("SELECT jid FROM blocked_jid WHERE username = ? ORDER BY position")) {
                query.setString(1, username);
                LinkedHashSet<Jid> jids = LinkedHashSet.empty();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        jids = jids.add(Jid.of(rows.getString(1)));
                    }
                }
                return new Blocklist(jids);
            }
        });
    }

    @Override
    public Mono<Void> save(String username, Blocklist blocklist) {
        return database.call(() -> {
            try (Connection c = database.connect()) {
                c.setAutoCommit(false);
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM blocked_jid WHERE username = ?")) {
                    delete.setString(1, username);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO blocked_jid (username, position, jid) VALUES (?, ?, ?)")) {
                    int position = 0;
                    for (Jid jid : blocklist.jids()) {
                        insert.setString(1, username);
                        insert.setInt(2, position++);
                        insert.setString(3, jid.toString());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                c.commit();
                return null;
            }
        }).then();
    }
}
