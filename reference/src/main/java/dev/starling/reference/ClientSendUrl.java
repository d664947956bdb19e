package dev.starling.reference;

import dev.starling.io.client.ClientFileTransfer;
import dev.starling.io.client.XmppClient;
import dev.starling.machine.oob.OobExchange;
import dev.starling.model.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code starling client ... send-url TO URL [--desc TEXT]}: offers a URL out of band (XEP-0066 §2) and reports what the recipient did. */
@Command(name = "send-url", mixinStandardHelpOptions = true, description = "Offer a URL out of band (XEP-0066).")
final class ClientSendUrl implements Callable<Integer> {

    @ParentCommand
    private ClientCommand client;

    @Parameters(index = "0", description = "the recipient's full JID")
    private String to;

    @Parameters(index = "1", description = "the URL")
    private String url;

    @Option(names = "--desc", description = "a description")
    private String desc;

    @Override
    public Integer call() {
        XmppClient session = client.connect(ClientFileTransfer::enable);
        try {
            OobExchange.Outcome outcome = session.files().sendUrl(Jid.of(to), url, io.vavr.control.Option.of(desc)).block(Duration.ofMinutes(5));
            System.out.println(to + ": " + switch (outcome) {
                case FETCHED -> "fetched " + url;
                case NOT_FOUND -> "could not fetch " + url + " (item-not-found)";
                case REJECTED -> "declined " + url + " (not-acceptable)";
                case FAILED -> "answered with an error";
            });
            return outcome == OobExchange.Outcome.FETCHED ? 0 : 1;
        } finally {
            session.close().block(Duration.ofSeconds(10));
        }
    }
}
