package dev.starling.io.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations: each {@code db/V<n>__<name>.sql} on the class path is applied
 * once, in order, inside a transaction, and recorded in {@code schema_version}.
 */
public final class SchemaMigrations {

    /** The migrations, in order; append new ones, never edit applied ones. */
    static final List<String> MIGRATIONS = List.of("V1__accounts.sql", "V2__account_details.sql", "V3__roster.sql", "V4__offline.sql", "V5__blocklist.sql", "V6__account_data.sql", "V7__offline_nodes.sql");

    private SchemaMigrations() {
    }

    /** Brings the database up to the latest version; returns the version it is at. */
    public static int migrate(Connection connection) throws SQLException {
        return migrate(connection, MIGRATIONS.size());
    }

    /**
     * Brings the database up to {@code target} and no further (a database as an older Starling
     * left it, for upgrade tests); returns the version it is at.
     */
    static int migrate(Connection connection, int target) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, name VARCHAR(200) NOT NULL)");
        }
        int current = currentVersion(connection);
        boolean postgres = connection.getMetaData().getDatabaseProductName().contains("PostgreSQL");
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int version = current + 1; version <= target; version++) {
                String name = MIGRATIONS.get(version - 1);
                try (Statement statement = connection.createStatement()) {
                    for (String sql : read(name).split(";")) {
                        if (!sql.isBlank()) {
                            statement.execute(postgres ? forPostgres(sql) : sql);
                        }
                    }
                    statement.execute("INSERT INTO schema_version (version, name) VALUES (" + version + ", '" + name + "')");
                }
                connection.commit();
            }
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return Math.max(current, target);
    }

    /** The one type the migrations use that PostgreSQL spells differently: binary strings are {@code bytea}. */
    private static String forPostgres(String sql) {
        return sql.replaceAll("VARBINARY\\(\\d+\\)", "BYTEA");
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String read(String name) {
        try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream("db/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration db/" + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replaceAll("(?m)^--.*$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
