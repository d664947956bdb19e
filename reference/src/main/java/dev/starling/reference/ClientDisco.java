package dev.starling.reference;

import dev.starling.io.client.XmppClient;
import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.disco.DiscoItems;
import dev.starling.model.jid.Jid;
import io.vavr.control.Option;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code starling client ... disco [TO]}: XEP-0030 identities, features and items of an entity. */
@Command(name = "disco", mixinStandardHelpOptions = true, description = "Discover an entity's identities, features and items (XEP-0030).")
final class ClientDisco implements Callable<Integer> {

    @ParentCommand
    private ClientCommand client;

    @Parameters(index = "0", arity = "0..1", description = "the entity (default: the server)")
    private String to;

    @Override
    public Integer call() {
        XmppClient session = client.connect();
        Option<Jid> target = Option.some(to == null ? session.jid().domainJid() : Jid.of(to));
        DiscoInfo info = session.discoInfo(target).block(Duration.ofSeconds(30));
        DiscoItems items = session.discoItems(target).block(Duration.ofSeconds(30));
        info.identities().forEach(i -> System.out.println("identity " + i.category() + "/" + i.type() + i.name().map(n -> " " + n).getOrElse("")));
        info.features().forEach(f -> System.out.println("feature  " + f));
        items.items().forEach(i -> System.out.println("item     " + i.jid() + i.name().map(n -> " " + n).getOrElse("")));
        session.close().block(Duration.ofSeconds(10));
        return 0;
    }
}
