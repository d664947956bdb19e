package dev.starling.reference;

import dev.starling.io.client.XmppClient;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.RosterItem;
import io.vavr.collection.Array;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code starling client ... roster [list] | add JID [--name N] [--group G]... | remove JID}: the
 * account's roster (RFC 6121 §2). Without a subcommand it lists the items, one per line:
 * JID, subscription, "ask" when a request is pending, name and groups.
 */
@Command(name = "roster", mixinStandardHelpOptions = true, description = "List, add or remove roster items.")
final class ClientRosterCommand implements Callable<Integer> {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParentCommand
    private ClientCommand client;

    @Override
    public Integer call() {
        return list();
    }

    @Command(name = "list", description = "Print every item (RFC 6121 §2.2).")
    int list() {
        XmppClient session = client.connect();
        for (RosterItem item : session.roster().load().block(WAIT)) {
            System.out.println(line(item));
        }
        session.close().block(WAIT);
        return 0;
    }

    @Command(name = "add", description = "Add or update an item (RFC 6121 §2.3, §2.4); the subscription is unchanged.")
    int add(@Parameters(paramLabel = "JID", description = "the contact") String jid,
            @Option(names = "--name", description = "the contact's name") String name,
            @Option(names = "--group", description = "a group (repeat for several)") List<String> groups) {
        XmppClient session = client.connect();
        session.roster().put(Jid.of(jid), io.vavr.control.Option.of(name), Array.ofAll(groups == null ? new ArrayList<>() : groups))
                .block(WAIT);
        session.close().block(WAIT);
        System.out.println("added " + jid);
        return 0;
    }

    @Command(name = "remove", description = "Delete an item; the server cancels the subscriptions both ways (RFC 6121 §2.5).")
    int remove(@Parameters(paramLabel = "JID", description = "the contact") String jid) {
        XmppClient session = client.connect();
        session.roster().remove(Jid.of(jid)).block(WAIT);
        session.close().block(WAIT);
        System.out.println("removed " + jid);
        return 0;
    }

    static String line(RosterItem item) {
        return item.jid() + " " + item.effectiveSubscription().wireName() + (item.ask() ? " ask" : "")
                + item.name().map(n -> " \"" + n + "\"").getOrElse("") + (item.groups().isEmpty() ? "" : " [" + item.groups().mkString(", ") + "]");
    }
}
