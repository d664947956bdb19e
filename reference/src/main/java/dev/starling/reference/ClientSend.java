package dev.starling.reference;

import dev.starling.io.client.XmppClient;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code starling client ... send TO TEXT}: sends one chat message (RFC 6121 §5.2.2). */
@Command(name = "send", mixinStandardHelpOptions = true, description = "Send a chat message.")
final class ClientSend implements Callable<Integer> {

    @ParentCommand
    private ClientCommand client;

    @Parameters(index = "0", description = "the recipient's JID")
    private String to;

    @Parameters(index = "1", description = "the text")
    private String text;

    @Override
    public Integer call() {
        XmppClient session = client.connect();
        session.send(Message.chat(Jid.of(to), text)).block(Duration.ofSeconds(10));
        session.close().block(Duration.ofSeconds(10));
        System.out.println("sent to " + to);
        return 0;
    }
}
