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
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.concurrent.Callable;

/**
 * Accounts in an embedded H2 database file in the data directory: no set-up, durable across
 * restarts and crashes. {@code WRITE_DELAY=0} writes every commit before the call returns; with
 * H2's default delay, a process killed with SIGKILL lost the last second of commits (found by
 * {@code KillNineTest}). JDBC is confined to a bounded scheduler, so no event loop ever blocks on it; each
 * call uses its own connection to the file (H2 serializes them).
 */
public final class H2AccountStore implements AccountStore, AutoCloseable {

    private final String url;
    private final Scheduler scheduler;
    private final Connection keepAlive;

    private H2AccountStore(String url, Scheduler scheduler, Connection keepAlive) {
        this.url = url;
        this.scheduler = scheduler;
        this.keepAlive = keepAlive;
    }

    /** Opens (creating and migrating if needed) the store {@code accounts} in the directory. */
    public static H2AccountStore open(Path directory) {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve("accounts") + ";AUTO_SERVER=FALSE;WRITE_DELAY=0";
        try {
            Connection connection = DriverManager.getConnection(url, "starling", "");
            SchemaMigrations.migrate(connection);
            return new H2AccountStore(url, Schedulers.newBoundedElastic(4, 10_000, "starling-accounts"), connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the account store in " + directory, e);
        }
    }

    @Override
    public Mono<Option<StoredCredentials>> credentials(String username) {
        return call(() -> {
            try (Connection c = connect();
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
        return call(() -> {
            try (Connection c = connect()) {
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
        return call(() -> {
            try (Connection c = connect();
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
        return call(() -> {
            try (Connection c = connect()) {
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
        return call(() -> {
            try (Connection c = connect(); PreparedStatement delete = c.prepareStatement("DELETE FROM account WHERE username = ?")) {
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
        return new H2RosterStore(url, scheduler);
    }

    /** The vCards and private storage of these accounts, in the same database (XEP-0054, XEP-0049). */
    @Override
    public AccountDataStore data() {
        return new H2AccountDataStore(url, scheduler);
    }

    /** The blocklists of these accounts, in the same database (XEP-0191; deleting an account deletes its list). */
    @Override
    public BlocklistStore blocklists() {
        return new H2BlocklistStore(url, scheduler);
    }

    /** The offline messages of these accounts, in the same database (XEP-0160; deleting an account deletes them). */
    @Override
    public OfflineStore offline() {
        return new H2OfflineStore(url, scheduler);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "starling", "");
    }

    private <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }

    @Override
    public void close() throws SQLException {
        keepAlive.close();
        scheduler.dispose();
    }
}
