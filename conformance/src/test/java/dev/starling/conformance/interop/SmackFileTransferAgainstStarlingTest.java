package dev.starling.conformance.interop;

import dev.starling.conformance.wire.WireAccess;
import dev.starling.io.client.SendOptions;
import dev.starling.io.client.XmppClient;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.ibb.InBandBytestream;
import dev.starling.model.jid.Jid;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.bytestreams.socks5.Socks5Proxy;
import org.jivesoftware.smackx.filetransfer.FileTransfer;
import org.jivesoftware.smackx.filetransfer.FileTransferManager;
import org.jivesoftware.smackx.filetransfer.FileTransferNegotiator;
import org.jivesoftware.smackx.filetransfer.IncomingFileTransfer;
import org.jivesoftware.smackx.filetransfer.OutgoingFileTransfer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxmpp.jid.impl.JidCreate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smack 4.4.8's file transfer (XEP-0096 with its SOCKS5 and IBB negotiators) against the Starling
 * client through the Starling server and its proxy, both directions. Smack's own local SOCKS5
 * proxy is switched off, so that only loopback streamhosts (the Starling proxy's) are ever used.
 */
class SmackFileTransferAgainstStarlingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static WireAccess starling;

    private XMPPTCPConnection smack;
    private XmppClient romeo;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        Socks5Proxy.setLocalSocks5ProxyEnabled(false);
        starling = WireAccess.startWithProxy();
    }

    @AfterAll
    static void stop() {
        starling.close();
        FileTransferNegotiator.IBB_ONLY = false;
    }

    @BeforeEach
    void connect() throws Exception {
        smack = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost").setHost("127.0.0.1").setPort(starling.port())
                .setUsernameAndPassword("juliet", starling.password("juliet")).setResource("smack")
                .setSecurityMode(ConnectionConfiguration.SecurityMode.required)
                .setCustomX509TrustManager(SmackAgainstStarlingTest.trusting(starling.certificatePem()))
                .setHostnameVerifier((host, session) -> true)
                .addEnabledSaslMechanism("SCRAM-SHA-1")
                .build());
        smack.connect().login();
        romeo = starling.connectForFiles("romeo");
    }

    @AfterEach
    void disconnect() {
        romeo.close().block(WAIT);
        smack.disconnect();
        FileTransferNegotiator.IBB_ONLY = false;
    }

    @ParameterizedTest(name = "ibbOnly={0}")
    @ValueSource(booleans = {false, true})
    void smackSendsAFileToStarling(boolean ibbOnly) throws Exception {
        FileTransferNegotiator.IBB_ONLY = ibbOnly;
        byte[] content = SmackFiles.random(900_000);
        Path file = Files.write(dir.resolve("from-smack.bin"), content);
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        CompletableFuture<Path> received = new CompletableFuture<>();
        var acceptor = romeo.files().offers().take(1).flatMap(offer -> offer.accept(inbox))
                .subscribe(received::complete, received::completeExceptionally);

        OutgoingFileTransfer transfer = FileTransferManager.getInstanceFor(smack)
                .createOutgoingFileTransfer(JidCreate.entityFullFrom(romeo.jid().toString()));
        transfer.sendFile(file.toFile(), "a file from Smack");

        Path arrived = received.get(60, TimeUnit.SECONDS);
        acceptor.dispose();
        assertThat(Files.readAllBytes(arrived)).isEqualTo(content);
        SmackFiles.awaitDone(transfer, WAIT);
        assertThat(transfer.getStatus()).isEqualTo(FileTransfer.Status.complete);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"auto", "ibb"})
    void starlingSendsAFileToSmack(String method) throws Exception {
        byte[] content = SmackFiles.random(800_000);
        Path file = Files.write(dir.resolve("from-starling.bin"), content);
        Path target = dir.resolve("received-by-smack.bin");
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

        List<dev.starling.io.client.ClientFileTransfer.Progress> progress = romeo.files()
                .sendFile(Jid.of("juliet@localhost/smack"), file, method.equals("ibb") ? SendOptions.ibb() : SendOptions.auto())
                .collectList().block(WAIT);

        IncomingFileTransfer transfer = incoming.get(30, TimeUnit.SECONDS);
        SmackFiles.awaitDone(transfer, WAIT);
        assertThat(transfer.getStatus()).isEqualTo(FileTransfer.Status.complete);
        assertThat(Files.readAllBytes(target)).isEqualTo(content);
        assertThat(progress.get(progress.size() - 1).method())
                .isEqualTo(method.equals("ibb") ? InBandBytestream.NAMESPACE : BytestreamQuery.NAMESPACE);
    }
}
