package dev.starling.conformance.check;

import dev.starling.io.client.ClientFileTransfer;
import dev.starling.io.client.SendOptions;
import dev.starling.io.client.XmppClient;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.stanza.IqType;
import io.vavr.control.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * File transfer (XEP-0096 over XEP-0095) between two sessions of the checked account: over
 * in-band bytestreams (XEP-0047), over SOCKS5 bytestreams through the server's proxy when it
 * announces one (XEP-0065 §6), and directly to the sending session's own streamhost on loopback
 * (§5), and in Jingle sessions over the in-band transport (XEP-0234, XEP-0261) and over SOCKS5
 * (XEP-0260), the last also with direct candidates from both parties (§2.4). Each sends a random
 * 256 KiB file and compares the bytes that arrive.
 */
final class FileTransferChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int SIZE = 256 * 1024;

    private FileTransferChecks() {
    }

    static void run(ConformanceCheck check) {
        XmppClient sender;
        XmppClient receiver;
        try {
            sender = check.connect(ClientFileTransfer.enable(check.config()), check.target().server(), false);
            receiver = check.connect(ClientFileTransfer.enable(check.config()), check.target().server(), false);
        } catch (RuntimeException e) {
            check.check("XEP-0096", "2", "two sessions for file transfer", () -> ConformanceCheck.fail(e.getMessage()));
            return;
        }
        try {
            check.check("XEP-0047", "2", "file transfer over in-band bytestreams", () -> transfer(sender, receiver, SendOptions.ibb()));
            boolean proxy = sender.discoItems(Option.some(sender.jid().domainJid())).block(TIMEOUT).items().exists(item -> {
                try {
                    DiscoInfo info = sender.discoInfo(Option.some(item.jid())).block(TIMEOUT);
                    return info.identities().exists(id -> id.category().equals("proxy") && id.type().equals("bytestreams"))
                            && sender.request(IqType.GET, Option.some(item.jid()), BytestreamQuery.addressRequest()).block(TIMEOUT) != null;
                } catch (RuntimeException e) {
                    return false;
                }
            });
            if (proxy) {
                check.check("XEP-0065", "6", "file transfer over SOCKS5 through the server's proxy",
                        () -> transfer(sender, receiver, SendOptions.socks5()));
            } else {
                check.notOffered("XEP-0065", "6", "file transfer over SOCKS5 through the server's proxy", "no proxy/bytestreams item on the server");
            }
            check.check("XEP-0065", "5", "file transfer over direct SOCKS5", () -> transfer(sender, receiver,
                    SendOptions.socks5().withProxy(false).withDirectHost("127.0.0.1")));
            check.check("XEP-0234", "4", "Jingle file transfer over in-band bytestreams (XEP-0261)",
                    () -> transfer(sender, receiver, SendOptions.jingle()));
            check.check("XEP-0260", "2", "Jingle file transfer over SOCKS5 (the proxy if listed, else a direct candidate)",
                    () -> transfer(sender, receiver, proxy ? SendOptions.jingleSocks5() : SendOptions.jingleSocks5().withProxy(false)
                            .withDirectHost("127.0.0.1")));
            check.check("XEP-0260", "2.4", "Jingle file transfer with direct SOCKS5 candidates from both parties",
                    () -> transfer(sender, receiver, SendOptions.jingleSocks5().withProxy(false).withDirectHost("127.0.0.1"), Option.some("127.0.0.1")));
        } finally {
            sender.close().block(TIMEOUT);
            receiver.close().block(TIMEOUT);
        }
    }

    private static CheckResult transfer(XmppClient sender, XmppClient receiver, SendOptions options) throws Exception {
        return transfer(sender, receiver, options, Option.none());
    }

    /** Sends a random file; the receiver offers its own streamhost on {@code receiverHost} to a Jingle SOCKS5 offer, if given. */
    private static CheckResult transfer(XmppClient sender, XmppClient receiver, SendOptions options, Option<String> receiverHost) throws Exception {
        Path outbox = Files.createTempDirectory("starling-check-send");
        Path inbox = Files.createTempDirectory("starling-check-receive");
        byte[] content = new byte[SIZE];
        new SecureRandom().nextBytes(content);
        Path file = Files.write(outbox.resolve("check.bin"), content);
        CompletableFuture<Path> received = new CompletableFuture<>();
        var acceptor = receiver.files().offers().take(1).flatMap(offer -> receiverHost.fold(() -> offer.accept(inbox), host -> offer.accept(inbox, host)))
                .subscribe(received::complete, received::completeExceptionally);
        try {
            List<ClientFileTransfer.Progress> progress = sender.files().sendFile(receiver.jid(), file, options).collectList().block(TIMEOUT);
            Path arrived = received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            String method = progress.isEmpty() ? "?" : progress.get(progress.size() - 1).method();
            return Arrays.equals(Files.readAllBytes(arrived), content)
                    ? ConformanceCheck.pass(SIZE + " bytes verified over " + method)
                    : ConformanceCheck.fail("the received bytes differ");
        } finally {
            acceptor.dispose();
            for (Path dir : List.of(outbox, inbox)) {
                try (var files = Files.list(dir)) {
                    for (Path left : files.toList()) {
                        Files.deleteIfExists(left);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }
    }
}
