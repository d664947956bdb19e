package dev.starling.io.store;

import dev.starling.model.element.Element;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Account data in the account store's database (schema V6), as XML, committed before the call completes. */
final class JdbcAccountDataStore implements AccountDataStore {

    private final Database database;

    JdbcAccountDataStore(Database database) {
        this.database = database;
    }

    @Override
    public Mono<Map<String, Element>> load(String username) {
        return database.call(() -> {
            try (Connection c = database.connect(); PreparedStatement query = c.prepareStatement("SELECT data_key, xml FROM account_data WHERE username = ?")) {
                query.setString(1, username);
                Map<String, Element> data = LinkedHashMap.empty();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        data = data.put(rows.getString(1), StanzaXml.readElement(rows.getString(2)));
                    }
                }
                return data;
            }
        });
    }

    @Override
    public Mono<Void> save(String username, String key, Option<Element> value) {
        return database.call(() -> {
            try (Connection c = database.connect()) {
                c.setAutoCommit(false);
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM account_data WHERE username = ? AND data_key = ?")) {
                    delete.setString(1, username);
                    delete.setString(2, key);
                    delete.executeUpdate();
                }
                if (value.isDefined()) {
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO account_data (username, data_key, xml) VALUES (?, ?, ?)")) {
                        insert.setString(1, username);
                        insert.setString(2, key);
                        insert.setString(3, StanzaXml.writeElement(value.get()));
                        insert.executeUpdate();
                    }
                }
                c.commit();
                return null;
            }
        }).then();
    }
}
