package dev.starling.io.store;

import dev.starling.machine.im.OfflineQueue;
import dev.starling.model.stanza.Message;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import reactor.core.publisher.Mono;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;

/**
 * Offline messages in the account store's database (schema V4, nodes from V7), as XML, in
 * arrival order, committed before the call completes.
 */
final class JdbcOfflineStore implements OfflineStore {

    private final Database database;

    JdbcOfflineStore(Database database) {
        this.database = database;
    }

    @Override
    public Mono<Void> store(String username, OfflineQueue.Stored message) {
        return database.call(() -> {
            try (Connection c = database.connect();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO offline_message (username, node, stanza) VALUES (?, ?, ?)")) {
                insert.setString(1, username);
                insert.setString(2, message.node());
                insert.setString(3, StanzaXml.write(message.message()));
                insert.executeUpdate();
                return null;
            }
        }).then();
    }

    @Override
    public Mono<Seq<OfflineQueue.Stored>> list(String username) {
        return database.call(() -> {
            try (Connection c = database.connect();
                 PreparedStatement query = c.prepareStatement("SELECT node, stanza FROM offline_message WHERE username = ? ORDER BY seq")) {
                query.setString(1, username);
                ArrayList<OfflineQueue.Stored> stored = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        stored.add(new OfflineQueue.Stored(rows.getString(1), (Message) StanzaXml.read(rows.getString(2))));
                    }
                }
                return Array.ofAll(stored);
            }
        });
    }

    @Override
    public Mono<Void> remove(String username, Seq<String> nodes) {
        return database.call(() -> {
            try (Connection c = database.connect();
                 PreparedStatement delete = c.prepareStatement("DELETE FROM offline_message WHERE username = ? AND node = ?")) {
                c.setAutoCommit(false);
                for (String node : nodes) {
                    delete.setString(1, username);
                    delete.setString(2, node);
                    delete.addBatch();
                }
                delete.executeBatch();
                c.commit();
                return null;
            }
        }).then();
    }
}
