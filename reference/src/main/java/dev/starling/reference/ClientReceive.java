package dev.starling.reference;

import dev.starling.io.client.XmppClient;
import dev.starling.model.stanza.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code starling client ... receive [--count N] [--timeout S]}: prints each incoming message, one line each. */
@Command(name = "receive", mixinStandardHelpOptions = true, description = "Print incoming messages.")
final class ClientReceive implements Callable<Integer> {

    @ParentCommand
    private ClientCommand client;

    @Option(names = "--count", defaultValue = "1", description = "messages to wait for (default: ${DEFAULT-VALUE})")
    private int count;

    @Option(names = "--timeout", defaultValue = "30", description = "seconds to wait (default: ${DEFAULT-VALUE})")
    private int timeout;

    @Override
    public Integer call() {
        XmppClient session = client.connect();
        System.out.println("ready as " + session.jid());
        Long received = session.stanzas().filter(Message.class::isInstance).cast(Message.class)
                .doOnNext(m -> System.out.println(m.from().map(Object::toString).getOrElse("?") + ": " + m.body().getOrElse("")))
                .take(count).take(Duration.ofSeconds(timeout)).count().block();
        session.close().block(Duration.ofSeconds(10));
        return received != null && received == count ? 0 : 1;
    }
}
