package dev.starling.io.store;

import dev.starling.machine.presence.Subscription;
import dev.starling.machine.presence.SubscriptionState;
import dev.starling.machine.roster.Roster;
import dev.starling.machine.roster.RosterEntry;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Array;
import io.vavr.collection.HashMap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * Rosters in the account store's database (schema V3): a save replaces the account's rows in
 * one transaction, so a roster is stored whole or not at all, and the call completes after the
 * commit. JDBC runs on the account store's bounded scheduler.
 */
final class JdbcRosterStore implements RosterStore {

    private final Database database;

    JdbcRosterStore(Database database) {
        this.database = database;
    }

    @Override
    public Mono<Roster> load(String username) {
        return database.call(() -> {
            try (Connection c = database.connect()) {
                Option<long[]> versions = versions(c, username);
                if (versions.isEmpty()) {
                    return Roster.empty();
                }
                Map<Jid, ArrayList<String>> groups = groups(c, username);
                LinkedHashMap<Jid, RosterEntry> entries = LinkedHashMap.empty();
                Map<Jid, Subscription> unlisted = HashMap.empty();
                try (PreparedStatement query = c.prepareStatement("SELECT contact, listed, name, state, approved, modified "
                        + "FROM roster_contact WHERE username = ? ORDER BY position")) {
                    query.setString(1, username);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            Jid contact = Jid.of(rows.getString(1));
                            Subscription subscription = new Subscription(SubscriptionState.valueOf(rows.getString(4)), rows.getBoolean(5));
                            if (rows.getBoolean(2)) {
                                entries = entries.put(contact, new RosterEntry(contact, Option.of(rows.getString(3)),
                                        Array.ofAll(groups.get(contact).getOrElse(new ArrayList<>())), subscription, rows.getLong(6)));
                            } else {
                                unlisted = unlisted.put(contact, subscription);
                            }
                        }
                    }
                }
                return new Roster(versions.get()[0], entries, removed(c, username), versions.get()[1], unlisted);
            }
        });
    }

    @Override
    public Mono<Void> save(String username, Roster roster) {
        return database.call(() -> {
            try (Connection c = database.connect()) {
                c.setAutoCommit(false);
                update(c, "DELETE FROM roster WHERE username = ?", username);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO roster (username, version, horizon) VALUES (?, ?, ?)")) {
                    insert.setString(1, username);
                    insert.setLong(2, roster.version());
                    insert.setLong(3, roster.horizon());
                    insert.executeUpdate();
                }
                writeContacts(c, username, roster);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO roster_removed (username, contact, version) VALUES (?, ?, ?)")) {
                    for (var removed : roster.removed()) {
                        insert.setString(1, username);
                        insert.setString(2, removed._1.toString());
                        insert.setLong(3, removed._2);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                c.commit();
                return null;
            }
        }).then();
    }

    private static void writeContacts(Connection c, String username, Roster roster) throws SQLException {
        try (PreparedStatement contact = c.prepareStatement("INSERT INTO roster_contact "
                + "(username, contact, position, listed, name, state, approved, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement group = c.prepareStatement("INSERT INTO roster_group (username, contact, position, name) VALUES (?, ?, ?, ?)")) {
            int position = 0;
            for (RosterEntry entry : roster.entries().values()) {
                addContact(contact, username, entry.contact(), position++, true, entry.name().getOrNull(), entry.subscription(), entry.modified());
                int index = 0;
                for (String name : entry.groups()) {
                    group.setString(1, username);
                    group.setString(2, entry.contact().toString());
                    group.setInt(3, index++);
                    group.setString(4, name);
                    group.addBatch();
                }
            }
            for (var aside : roster.unlisted()) {
                addContact(contact, username, aside._1, position++, false, null, aside._2, 0);
            }
            contact.executeBatch();
            group.executeBatch();
        }
    }

    private static void addContact(PreparedStatement insert, String username, Jid contact, int position, boolean listed, String name,
                                   Subscription subscription, long modified) throws SQLException {
        insert.setString(1, username);
        insert.setString(2, contact.toString());
        insert.setInt(3, position);
        insert.setBoolean(4, listed);
        insert.setString(5, name);
        insert.setString(6, subscription.state().name());
        insert.setBoolean(7, subscription.approved());
        insert.setLong(8, modified);
        insert.addBatch();
    }

    private static Option<long[]> versions(Connection c, String username) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT version, horizon FROM roster WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Option.some(new long[]{rows.getLong(1), rows.getLong(2)}) : Option.none();
            }
        }
    }

    private static Map<Jid, ArrayList<String>> groups(Connection c, String username) throws SQLException {
        java.util.LinkedHashMap<Jid, ArrayList<String>> groups = new java.util.LinkedHashMap<>();
        try (PreparedStatement query = c.prepareStatement("SELECT contact, name FROM roster_group WHERE username = ? ORDER BY contact, position")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    groups.computeIfAbsent(Jid.of(rows.getString(1)), k -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return HashMap.ofAll(groups);
    }

    private static Map<Jid, Long> removed(Connection c, String username) throws SQLException {
        Map<Jid, Long> removed = HashMap.empty();
        try (PreparedStatement query = c.prepareStatement("SELECT contact, version FROM roster_removed WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    removed = removed.put(Jid.of(rows.getString(1)), rows.getLong(2));
                }
            }
        }
        return removed;
    }

    private static void update(Connection c, String sql, String username) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, username);
            statement.executeUpdate();
        }
    }
}
