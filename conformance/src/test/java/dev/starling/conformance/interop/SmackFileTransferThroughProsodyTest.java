package dev.starling.conformance.interop;

import dev.starling.io.client.ClientFileTransfer;
import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.SendOptions;
import dev.starling.io.client.XmppClient;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.ibb.InBandBytestream;
import dev.starling.model.jid.Jid;
import io.vavr.control.Option;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.bytestreams.socks5.Socks5Proxy;
import org.jivesoftware.smackx.filetransfer.FileTransfer;
import org.jivesoftware.smackx.filetransfer.FileTransferManager;
import org.jivesoftware.smackx.filetransfer.FileTransferNegotiator;
import org.jivesoftware.smackx.filetransfer.IncomingFileTransfer;
import org.jivesoftware.smackx.filetransfer.OutgoingFileTransfer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxmpp.jid.impl.JidCreate;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smack 4.4.8's file transfer with the Starling client through Prosody 0.12 and its
 * {@code proxy65} component, both directions, over SOCKS5 and over IBB ({@code IBB_ONLY} on
 * Smack's side, {@code ibb} on Starling's). Smack's own local SOCKS5 proxy is off, so only the
 * loopback proxy is used.
 */
class SmackFileTransferThroughProsodyTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private XMPPTCPConnection smack;
    private XmppClient alice;

    @AfterEach
    void stop() {
        FileTransferNegotiator.IBB_ONLY = false;
        if (alice != null) {
            alice.close().block(WAIT);
        }
        if (smack != null) {
            smack.disconnect();
        }
    }

    private void connect() throws Exception {
        InetSocketAddress prosody = Peers.require("Prosody", 25222);
        Socks5Proxy.setLocalSocks5ProxyEnabled(false);
        smack = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost").setHost("127.0.0.1").setPort(prosody.getPort())
                .setUsernameAndPassword("bob", "secret-bob").setResource("smack")
                .setSecurityMode(ConnectionConfiguration.SecurityMode.required)
                .setCustomX509TrustManager(SmackAgainstStarlingTest.trusting(Files.readString(Peers.CERTIFICATE)))
                .setHostnameVerifier((host, session) -> true)
                .build());
        smack.connect().login();
        ClientConfig config = ClientFileTransfer.enable(ClientConfig.of(Jid.of("alice@localhost/files"), "secret-alice").withKeepalive(Option.none()));
        var context = TrustPolicy.trustStore(Peers.CERTIFICATE).clientContext(Option.none()).get();
        alice = XmppClient.connect(ClientSettings.of(config, prosody), Option.some(TlsSetups.client(context, "localhost"))).block(WAIT);
    }

    @ParameterizedTest(name = "ibbOnly={0}")
    @ValueSource(booleans = {false, true})
    void smackSendsToStarling(boolean ibbOnly) throws Exception {
        connect();
        FileTransferNegotiator.IBB_ONLY = ibbOnly;
        byte[] content = SmackFiles.random(600_000);
        Path file = Files.write(dir.resolve("from-smack.bin"), content);
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        CompletableFuture<Path> received = new CompletableFuture<>();
        var acceptor = alice.files().offers().take(1).flatMap(offer -> offer.accept(inbox)).subscribe(received::complete, received::completeExceptionally);
        OutgoingFileTransfer transfer = FileTransferManager.getInstanceFor(smack).createOutgoingFileTransfer(JidCreate.entityFullFrom("alice@localhost/files"));
        transfer.sendFile(file.toFile(), "through Prosody");
        assertThat(Files.readAllBytes(received.get(60, TimeUnit.SECONDS))).isEqualTo(content);
        acceptor.dispose();
        SmackFiles.awaitDone(transfer, WAIT);
        assertThat(transfer.getStatus()).isEqualTo(FileTransfer.Status.complete);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"socks5", "ibb"})
    void starlingSendsToSmack(String method) throws Exception {
        connect();
        byte[] content = SmackFiles.random(500_000);
        Path file = Files.write(dir.resolve("from-starling.bin"), content);
        Path target = dir.resolve("received.bin");
        CompletableFuture<IncomingFileTransfer> incoming = new CompletableFuture<>();
        FileTransferManager.getInstanceFor(smack).addFileTransferListener(request -> {
            try {
                IncomingFileTransfer transfer = request.accept();
                transfer.receiveFile(target.toFile());
                incoming.complete(transfer);
            } catch (Exception e) {
                incoming.completeExceptionally(e);
            }
        });
        List<ClientFileTransfer.Progress> progress = alice.files().sendFile(Jid.of("bob@localhost/smack"), file,
                method.equals("ibb") ? SendOptions.ibb() : SendOptions.socks5()).collectList().block(WAIT);
        IncomingFileTransfer transfer = incoming.get(30, TimeUnit.SECONDS);
        SmackFiles.awaitDone(transfer, WAIT);
        assertThat(transfer.getStatus()).isEqualTo(FileTransfer.Status.complete);
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(progress.get(progress.size() - 1).method()).isEqualTo(method.equals("ibb") ? InBandBytestream.NAMESPACE : BytestreamQuery.NAMESPACE);
    }
}
