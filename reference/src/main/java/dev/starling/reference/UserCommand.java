package dev.starling.reference;

import dev.starling.io.store.JdbcAccountStore;
import dev.starling.io.store.PasswordHashing;
import dev.starling.machine.sasl.StoredCredentials;
import dev.starling.model.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code starling user add|passwd|delete|show JID}: manages the accounts of the server's data
 * directory. Only salted SCRAM keys are stored (RFC 5802 §3): 16 random bytes of salt, 4096
 * iterations, one key set per SHA-1, SHA-256 and SHA-512.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Add, change, delete or show an account.")
final class UserCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "add, passwd, delete or show (the registration details)")
    private String action;

    @Parameters(index = "1", description = "the account's JID, e.g. juliet@localhost")
    private String jid;

    @Option(names = "--password", description = "the password (asked for when missing)")
    private String password;

    @Mixin
    private DatabaseOption database;

    @Option(names = "--data", defaultValue = DataDirectory.DEFAULT, description = "the data directory (default: ${DEFAULT-VALUE})")
    private Path data;

    @Override
    public Integer call() throws Exception {
        var parsed = Jid.parse(jid);
        if (parsed.isLeft() || parsed.get().local().isEmpty()) {
            System.err.println(parsed.isLeft() ? parsed.getLeft().message() : "an account JID needs a localpart: " + jid);
            return 2;
        }
        String username = parsed.get().local().get();
        try (JdbcAccountStore store = database.open(data)) {
            if (action.equals("show")) {
                var known = store.credentials(username).block(Duration.ofSeconds(30));
                if (known.isEmpty()) {
                    System.out.println(parsed.get().bare() + ": no such account");
                    return 1;
                }
                System.out.println(parsed.get().bare());
                store.details(username).block(Duration.ofSeconds(30)).forEach((name, value) -> System.out.println("  " + name + ": " + value));
                return 0;
            }
            boolean done = switch (action) {
                case "add" -> store.create(username, credentials()).block(Duration.ofSeconds(30));
                case "passwd" -> store.update(username, credentials()).block(Duration.ofSeconds(30));
                case "delete" -> store.delete(username).block(Duration.ofSeconds(30));
                default -> throw new IllegalArgumentException("unknown action " + action + " (add, passwd, delete or show)");
            };
            System.out.println(done ? action + " " + parsed.get().bare() + ": done"
                    : action + " " + parsed.get().bare() + ": " + (action.equals("add") ? "the account exists" : "no such account"));
            return done ? 0 : 1;
        }
    }

    private StoredCredentials credentials() {
        return PasswordHashing.derive(password != null ? password : Prompts.password("Password for " + jid + ": "));
    }
}
