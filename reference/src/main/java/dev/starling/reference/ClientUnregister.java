package dev.starling.reference;

import dev.starling.io.client.XmppClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code starling client ... unregister}: removes the account from the server (XEP-0077 §3.2). */
@Command(name = "unregister", mixinStandardHelpOptions = true, description = "Remove the account from the server (XEP-0077).")
final class ClientUnregister implements Callable<Integer> {

    @ParentCommand
    private ClientCommand client;

    @Override
    public Integer call() {
        XmppClient session = client.connect();
        session.cancelRegistration().block(Duration.ofSeconds(30));
        System.out.println("account " + session.jid().bare() + " removed");
        return 0;
    }
}
