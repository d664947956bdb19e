package dev.starling.io.store;

import dev.starling.machine.sasl.ScramCredentials;
import dev.starling.machine.sasl.ScramHash;
import dev.starling.machine.sasl.StoredCredentials;
import dev.starling.model.Bytes;
import io.vavr.collection.Array;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * Accounts, with their rosters, blocklists, data and offline messages, in a JDBC database: an
 * embedded H2 file in the data directory (no set-up, {@link #h2}) or PostgreSQL, the production
 * store ({@link #postgres}). Both run the same versioned migrations ({@link SchemaMigrations}) and
 * the same SQL, and pass the same contract suites. Calls run on a bounded scheduler, so no event
 * loop ever blocks on JDBC, and complete once committed. H2 runs with {@code WRITE_DELAY=0}, which
 * writes every commit before the call returns: with H2's default delay a process killed with
 * SIGKILL lost the last second of commits (found by {@code KillNineTest}).
 */
public final class JdbcAccountStore implements AccountStore, AutoCloseable {

    private final Database database;
    private final Connection keepAlive;

    private JdbcAccountStore(Database database, Connection keepAlive) {
        this.database = database;
        this.keepAlive = keepAlive;
    }

    /** Opens (creating and migrating if needed) the H2 store {@code accounts} in the directory. */
    public static JdbcAccountStore h2(Path directory) {
        return open(new Database("jdbc:h2:file:" + directory.toAbsolutePath().resolve("accounts") + ";AUTO_SERVER=FALSE;WRITE_DELAY=0",
                "starling", "", Schedulers.newBoundedElastic(4, 10_000, "starling-accounts")), "the account store in " + directory);
    }

    /** Opens (migrating if needed) a PostgreSQL database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/starling}. */
    public static JdbcAccountStore postgres(String url, String user, String password) {
        return open(new Database(url, user, password, Schedulers.newBoundedElastic(16, 10_000, "starling-postgres")), url);
    }

    private static JdbcAccountStore open(Database database, String what) {
        try {
            Connection connection = database.connect();
            SchemaMigrations.migrate(connection);
            return new JdbcAccountStore(database, connection);
        } catch (SQLException e) {
            database.scheduler().dispose();
            throw new IllegalStateException("cannot open " + what, e);
        }
    }

    @Override
    public Mono<Option<StoredCredentials>> credentials(String username) {
        return database.call(() -> {
            try (Connection c = database.connect();
                 PreparedStatement query = c.prepareStatement(
                         "SELECT hash, salt, iterations, stored_key, server_key FROM scram_credentials WHERE username = ?")) {
                query.setString(1, username);
                ArrayList<ScramCredentials> found = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(new ScramCredentials(ScramHash.valueOf(rows.getString(1)), Bytes.of(rows.getBytes(2)),
                                rows.getInt(3), Bytes.of(rows.getBytes(4)), Bytes.of(rows.getBytes(5))));
                    }
                }
                return found.isEmpty() ? Option.<StoredCredentials>none() : Option.some(new StoredCredentials(Array.ofAll(found)));
            }
        });
    }

    @Override
    public Mono<Boolean> create(String username, StoredCredentials credentials, Map<String, String> details) {
        return database.call(() -> {
            try (Connection c = database.connect()) {
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO account (username) VALUES (?)")) {
                    insert.setString(1, username);
                    insert.executeUpdate();
                } catch (SQLException duplicate) {
                    c.rollback();
                    return false;
                }
                write(c, username, credentials);
                writeDetails(c, username, details);
                c.commit();
                return true;
            }
        });
    }

    @Override
    public Mono<Map<String, String>> details(String username) {
        return database.call(() -> {
            try (Connection c = database.connect();
                 PreparedStatement query = c.prepareStatement("SELECT name, val FROM account_detail WHERE username = ? ORDER BY name")) {
                query.setString(1, username);
                Map<String, String> found = LinkedHashMap.empty();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found = found.put(rows.getString(1), rows.getString(2));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public Mono<Boolean> update(String username, StoredCredentials credentials) {
        return database.call(() -> {
            try (Connection c = database.connect()) {
                c.setAutoCommit(false);
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM scram_credentials WHERE username = ?")) {
                    delete.setString(1, username);
                    delete.executeUpdate();
                }
                if (!exists(c, username)) {
                    c.rollback();
                    return false;
                }
                write(c, username, credentials);
                c.commit();
                return true;
            }
        });
    }

    @Override
    public Mono<Boolean> delete(String username) {
        return database.call(() -> {
            try (Connection c = database.connect(); PreparedStatement delete = c.prepareStatement("DELETE FROM account WHERE username = ?")) {
                delete.setString(1, username);
                return delete.executeUpdate() == 1;
            }
        });
    }

    private static boolean exists(Connection c, String username) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT 1 FROM account WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void write(Connection c, String username, StoredCredentials credentials) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO scram_credentials "
                + "(username, hash, salt, iterations, stored_key, server_key) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (ScramCredentials scram : credentials.scram()) {
                insert.setString(1, username);
                insert.setString(2, scram.hash().name());
                insert.setBytes(3, scram.salt().toArray());
                insert.setInt(4, scram.iterations());
                insert.setBytes(5, scram.storedKey().toArray());
                insert.setBytes(6, scram.serverKey().toArray());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void writeDetails(Connection c, String username, Map<String, String> details) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO account_detail (username, name, val) VALUES (?, ?, ?)")) {
            for (var detail : details) {
                insert.setString(1, username);
                insert.setString(2, detail._1);
                insert.setString(3, detail._2);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The rosters of these accounts, in the same database (RFC 6121 §2; deleting an account deletes its roster). */
    @Override
    public RosterStore rosters() {
        return new JdbcRosterStore(database);
    }

    /** The vCards and private storage of these accounts, in the same database (XEP-0054, XEP-0049). */
    @Override
    public AccountDataStore data() {
        return new JdbcAccountDataStore(database);
    }

    /** The blocklists of these accounts, in the same database (XEP-0191; deleting an account deletes its list). */
    @Override
    public BlocklistStore blocklists() {
        return new JdbcBlocklistStore(database);
    }

    /** The offline messages of these accounts, in the same database (XEP-0160; deleting an account deletes them). */
    @Override
    public OfflineStore offline() {
        return new JdbcOfflineStore(database);
    }



    @Override
    public void close() throws SQLException {
        database.closed().set(true); // work still queued fails instead of reopening the database
        try {
            // work already running holds a connection: let it end before the last one closes, or an embedded database
            // would close (and write its files) after this returned
            database.scheduler().disposeGracefully().block(java.time.Duration.ofSeconds(5));
        } catch (RuntimeException timedOut) {
            database.scheduler().dispose();
        }
        keepAlive.close();
    }
}
