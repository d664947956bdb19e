package dev.starling.reference;

import dev.starling.io.client.ClientFileTransfer;
import dev.starling.io.client.SendOptions;
import dev.starling.io.client.XmppClient;
import dev.starling.model.jid.Jid;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code starling client ... send-file TO PATH [--method auto|socks5|ibb|jingle]}: offers a file
 * (XEP-0096, or XEP-0234 with {@code jingle}) to a full JID and streams it over the chosen method, with a progress bar showing
 * size, rate and ETA. {@code auto} offers SOCKS5 through the server's proxy and falls back to IBB.
 */
@Command(name = "send-file", mixinStandardHelpOptions = true, description = "Send a file (XEP-0096 over SOCKS5 or in-band bytestreams).")
final class ClientSendFile implements Callable<Integer> {

    /** The methods on the command line. */
    enum Method { auto, socks5, ibb, jingle }

    @ParentCommand
    private ClientCommand client;

    @Parameters(index = "0", description = "the receiver's full JID (with its resource)")
    private String to;

    @Parameters(index = "1", description = "the file to send")
    private Path file;

    @Option(names = "--method", defaultValue = "auto", description = "auto, socks5, ibb or jingle (XEP-0234 over SOCKS5, XEP-0260, replaced by IBB when no candidate works) (default: ${DEFAULT-VALUE})")
    private Method method;

    @Option(names = "--ibb-in-messages", description = "carry in-band chunks in messages, unacknowledged (XEP-0047 §4), instead of IQs")
    private boolean ibbInMessages;

    @Option(names = "--desc", description = "a description of the file for the receiver (XEP-0096 <desc/>)")
    private String desc;

    @Option(names = "--direct-host", description = "also offer this client's own SOCKS5 streamhost on this address (XEP-0065 §5)")
    private String directHost;

    @Override
    public Integer call() throws Exception {
        SendOptions options = switch (method) {
            case auto -> SendOptions.auto();
            case socks5 -> SendOptions.socks5();
            case ibb -> SendOptions.ibb();
            case jingle -> SendOptions.jingleSocks5();
        };
        if (directHost != null) {
            options = options.withDirectHost(directHost);
        }
        if (desc != null) {
            options = options.withDescription(desc);
        }
        if (ibbInMessages) {
            options = options.withIbbInMessages();
        }
        XmppClient session = client.connect(ClientFileTransfer::enable);
        long size = Files.size(file);
        ClientFileTransfer.Progress last;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(file.getFileName().toString()).setInitialMax(size)
                .setUnit(" KiB", 1024).showSpeed().setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).build()) {
            last = session.files().sendFile(Jid.of(to), file, options).doOnNext(progress -> {
                bar.maxHint(progress.total());
                bar.stepTo(progress.bytes());
            }).blockLast(Duration.ofHours(24));
        } finally {
            session.close().block(Duration.ofSeconds(10));
        }
        System.out.println("sent " + file.getFileName() + " (" + size + " bytes) to " + to + " over "
                + (last == null ? "?" : last.method() + " at " + Rates.describe(last)));
        return 0;
    }
}
