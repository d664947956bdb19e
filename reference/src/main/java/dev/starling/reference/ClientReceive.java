package dev.starling.reference;

import dev.starling.io.client.XmppClient;
import dev.starling.model.delay.Delay;
import dev.starling.model.im.Attention;
import dev.starling.model.im.ChatState;
import dev.starling.model.im.Receipt;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.Stanza;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code starling client ... receive [--count N] [--timeout S]}: goes online (available presence,
 * so that messages to the bare JID and those stored offline arrive, RFC 6121 §8.5, XEP-0160) and
 * prints each incoming message (with its chat state, receipt and attention), and each presence
 * and subscription request, one line each. Only messages with a body count towards
 * {@code --count}.
 */
@Command(name = "receive", mixinStandardHelpOptions = true, description = "Go online and print incoming messages and presence.")
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
        session.stanzas().filter(Presence.class::isInstance).subscribe(presence -> System.out.println(line(presence)));
        var messages = session.messages().doOnNext(m -> System.out.println(line(m)))
                .filter(m -> m.body().isDefined()) // a chat state or a receipt alone is shown, not counted
                .take(count).take(Duration.ofSeconds(timeout)).count().toFuture();
        session.available().block(Duration.ofSeconds(10));
        Long received = messages.join();
        session.close().block(Duration.ofSeconds(10));
        return received != null && received == count ? 0 : 1;
    }

    /**
     * One line per stanza: a message as "from: body" with what else it carries in brackets (its
     * chat state, XEP-0085; a receipt or a request for one, XEP-0184; attention, XEP-0224) and the
     * delay's stamp if it waited (XEP-0203); presence as {@link ClientPresence#line}.
     */
    static String line(Stanza stanza) {
        if (stanza instanceof Message m) {
            StringBuilder line = new StringBuilder(m.from().map(Object::toString).getOrElse("?")).append(':');
            m.body().forEach(body -> line.append(' ').append(body));
            m.firstChild(ChatState.class).forEach(state -> line.append(" [").append(state.wireName()).append(']'));
            m.firstChild(Receipt.Received.class).forEach(received -> line.append(" [received ").append(received.id().getOrElse("?")).append(']'));
            m.firstChild(Receipt.Request.class).forEach(request -> line.append(" [receipt requested]"));
            m.firstChild(Attention.class).forEach(attention -> line.append(" [attention]"));
            m.firstChild(Delay.class).forEach(delay -> line.append(" (sent ").append(delay.stamp()).append(')'));
            return line.toString();
        }
        if (stanza instanceof Presence p) {
            return ClientPresence.line(p);
        }
        return stanza.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " from " + stanza.from().map(Object::toString).getOrElse("?");
    }
}
