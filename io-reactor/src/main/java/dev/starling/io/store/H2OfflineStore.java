package dev.starling.io.store;

import dev.starling.model.stanza.Message;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.concurrent.Callable;

/** Offline messages in the account store's H2 database (schema V4), as XML, committed before the call completes. */
final class H2OfflineStore implements OfflineStore {

    private final String url;
    private final Scheduler scheduler;

    H2OfflineStore(String url, Scheduler scheduler) {
        this.url = url;
        this.scheduler = scheduler;
    }

    @Override
    public Mono<Void> store(String username, Message message) {
        return call(() -> {
            try (Connection c = connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO offline_message (username, stanza) VALUES (?, ?)")) {
                insert.setString(1, username);
                insert.setString(2, StanzaXml.write(message));
                insert.executeUpdate();
                return null;
            }
        }).then();
    }

    @Override
    public Mono<Seq<Stored>> list(String username) {
        return call(() -> {
            try (Connection c = connect();
                 PreparedStatement query = c.prepareStatement("SELECT seq, stanza FROM offline_message WHERE username = ? ORDER BY seq")) {
                query.setString(1, username);
                ArrayList<Stored> stored = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        stored.add(new Stored(rows.getLong(1), (Message) StanzaXml.read(rows.getString(2))));
                    }
                }
                return Array.ofAll(stored);
            }
        });
    }

    @Override
    public Mono<Void> remove(String username, long seq) {
        return call(() -> {
            try (Connection c = connect(); PreparedStatement delete = c.prepareStatement("DELETE FROM offline_message WHERE username = ? AND seq <= ?")) {
                delete.setString(1, username);
                delete.setLong(2, seq);
                delete.executeUpdate();
                return null;
            }
        }).then();
    }

    @Override
    public Mono<Integer> count(String username) {
        return call(() -> {
            try (Connection c = connect(); PreparedStatement query = c.prepareStatement("SELECT COUNT(*) FROM offline_message WHERE username = ?")) {
                query.setString(1, username);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "starling", "");
    }

    private <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }
}
