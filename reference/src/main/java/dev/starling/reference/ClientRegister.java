package dev.starling.reference;

import dev.starling.io.client.XmppClient;
import io.vavr.collection.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code starling client ... register [--field NAME=VALUE ...]}: registers the account in-band
 * (XEP-0077 §3.1), then logs in with it to prove it works.
 */
@Command(name = "register", mixinStandardHelpOptions = true, description = "Register the account in-band (XEP-0077), then log in.")
final class ClientRegister implements Callable<Integer> {

    @ParentCommand
    private ClientCommand client;

    @Option(names = "--field", paramLabel = "NAME=VALUE", description = "a value for a field the server asks for, e.g. email=juliet@example.com")
    private Map<String, String> fields = Map.of();

    @Override
    public Integer call() {
        XmppClient session = client.connect(config -> config.withRegistration(LinkedHashMap.ofAll(fields)));
        System.out.println("registered " + session.jid().bare() + " and logged in as " + session.jid());
        session.close().block(Duration.ofSeconds(10));
        return 0;
    }
}
