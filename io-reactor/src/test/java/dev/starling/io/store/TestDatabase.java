package dev.starling.io.store;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database the JDBC store suites run against, opened as many times as a test likes (to check
 * durability across a reopen) and dropped at the end: a fresh H2 file, or a fresh schema in the
 * PostgreSQL named by {@code STARLING_POSTGRES} (a JDBC URL with user and password, which
 * {@code ./starling test} starts and sets). Without it the PostgreSQL suites skip, saying how to
 * get one, unless {@code STARLING_INTEROP=required}, where they fail.
 */
interface TestDatabase extends AutoCloseable {

    /** The URL of the shared test PostgreSQL, as {@code interop/peers.sh start} serves it. */
    String POSTGRES = System.getenv("STARLING_POSTGRES");

    /** Opens (and migrates) the store on this database. */
    JdbcAccountStore open();

    /** A plain JDBC connection to the database, not migrated, for building older schemas. */
    Connection connect() throws SQLException;

    @Override
    void close();

    /** An H2 file database in the directory. */
    static TestDatabase h2(Path directory) {
        return new TestDatabase() {
            @Override
            public JdbcAccountStore open() {
                return JdbcAccountStore.h2(directory);
            }

            @Override
            public Connection connect() throws SQLException {
                return DriverManager.getConnection("jdbc:h2:file:" + directory.toAbsolutePath().resolve("accounts") + ";AUTO_SERVER=FALSE", "starling", "");
            }

            @Override
            public void close() {
            }
        };
    }

    /** A schema of its own in the test PostgreSQL, dropped on close. */
    static TestDatabase postgres() {
        if (POSTGRES == null) {
            if ("required".equals(System.getenv("STARLING_INTEROP"))) {
                throw new AssertionError("PostgreSQL is required (STARLING_INTEROP=required) but STARLING_POSTGRES is not set");
            }
            Assumptions.abort("no PostgreSQL: run `interop/peers.sh start` (Debian package postgresql) and set "
                    + "STARLING_POSTGRES=jdbc:postgresql://127.0.0.1:55432/starling?user=starling&password=starling, or use ./starling test");
        }
        String schema = "t" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        String url = POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase() {
            @Override
            public JdbcAccountStore open() {
                return JdbcAccountStore.postgres(url, null, null);
            }

            @Override
            public Connection connect() throws SQLException {
                return DriverManager.getConnection(url);
            }

            @Override
            public void close() {
                execute("DROP SCHEMA " + schema + " CASCADE");
            }
        };
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(POSTGRES); Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + POSTGRES, e);
        }
    }
}
