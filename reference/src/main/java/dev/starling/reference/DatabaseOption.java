package dev.starling.reference;

import dev.starling.io.store.JdbcAccountStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Where the server and the {@code user} command keep accounts: the embedded H2 database in the
 * data directory (the default, no set-up) or, with {@code --database}, PostgreSQL (the production
 * store; the same schema, migrated on first use).
 */
final class DatabaseOption {

    @Option(names = "--database", paramLabel = "JDBC_URL",
            description = "keep accounts in PostgreSQL instead of the data directory, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/starling?user=starling&password=secret")
    private String url;

    /** Opens the chosen store. */
    JdbcAccountStore open(Path data) {
        if (url == null) {
            return JdbcAccountStore.h2(DataDirectory.open(data));
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--database takes a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB?user=U&password=P): " + url);
        }
        return JdbcAccountStore.postgres(url, null, null);
    }
}
