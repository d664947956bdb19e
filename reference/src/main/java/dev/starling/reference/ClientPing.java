package dev.starling.reference;

import dev.starling.io.client.XmppClient;
import dev.starling.model.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code starling client ... ping [TO]}: XEP-0199 ping of an entity (the server by default). */
@Command(name = "ping", mixinStandardHelpOptions = true, description = "Ping an entity (XEP-0199).")
final class ClientPing implements Callable<Integer> {

    @ParentCommand
    private ClientCommand client;

    @Parameters(index = "0", arity = "0..1", description = "the entity (default: the server)")
    private String to;

    @Override
    public Integer call() {
        XmppClient session = client.connect();
        Duration rtt = session.ping(io.vavr.control.Option.of(to).map(Jid::of)).block(Duration.ofSeconds(30));
        System.out.println("pong from " + (to == null ? session.jid().domain() : to) + " in " + rtt.toMillis() + " ms");
        session.close().block(Duration.ofSeconds(10));
        return 0;
    }
}
