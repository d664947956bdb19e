package dev.starling.conformance.interop;

import dev.starling.conformance.wire.WireAccess;
import dev.starling.io.client.ClientFileTransfer;
import dev.starling.io.client.SendOptions;
import dev.starling.io.client.XmppClient;
import dev.starling.model.jid.Jid;
import dev.starling.model.jingle.JingleTransport;
import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.bytestreams.BytestreamSession;
import org.jivesoftware.smackx.bytestreams.socks5.Socks5Proxy;
import org.jivesoftware.smackx.jingle.JingleManager;
import org.jivesoftware.smackx.jingle.element.JingleReason;
import org.jivesoftware.smackx.jingle_filetransfer.element.JingleFileTransfer;
import org.jivesoftware.smackx.jingle_filetransfer.element.JingleFileTransferChild;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jxmpp.jid.impl.JidCreate;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jingle file transfer (XEP-0234 over XEP-0260 and XEP-0261) between the Starling client and Smack
 * 4.4.8 through the Starling server and its proxy, both directions; over SOCKS5 with and without a
 * direct candidate on the Starling side. Smack's Jingle elements and its transport sessions are the peer
 * ({@link SmackJingleFile}); the Starling side is the library's public API. Each case checks the
 * bytes, the method Starling reports and Smack's or Starling's {@code success}.
 */
class SmackJingleAgainstStarlingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static WireAccess starling;

    private XMPPTCPConnection smack;
    private XmppClient romeo;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        Socks5Proxy.setLocalSocks5ProxyEnabled(false);
        SmackJingleFile.configure();
        starling = WireAccess.startWithProxy();
    }

    @AfterAll
    static void stop() {
        starling.close();
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
    }

    @ParameterizedTest(name = "{0}, Starling's direct candidate: {1}")
    @CsvSource({"SOCKS5, false", "SOCKS5, true", "IBB, false"})
    void starlingSendsAFileToSmack(SmackJingleFile.Method method, boolean direct) throws Exception {
        byte[] content = SmackFiles.random(700_000);
        Path file = Files.write(dir.resolve("from-starling.bin"), content);
        CompletableFuture<SmackJingleFile> session = new CompletableFuture<>();
        JingleManager.getInstanceFor(smack).registerDescriptionHandler(JingleFileTransfer.NAMESPACE_V5, initiate -> {
            session.complete(SmackJingleFile.answer(smack, initiate));
            return null; // answered (acknowledged) by the session itself, before its session-accept
        });
        SendOptions options = method == SmackJingleFile.Method.IBB ? SendOptions.jingle()
                : direct ? SendOptions.jingleSocks5().withDirectHost("127.0.0.1") : SendOptions.jingleSocks5();
        CompletableFuture<List<ClientFileTransfer.Progress>> sent = romeo.files()
                .sendFile(Jid.of("juliet@localhost/smack"), file, options).collectList().toFuture();

        SmackJingleFile juliet = session.get(30, TimeUnit.SECONDS);
        JingleFileTransferChild offered = juliet.offeredFile();
        assertThat(offered.getName()).isEqualTo("from-starling.bin");
        assertThat(offered.getSize()).isEqualTo(content.length);
        byte[] received = readAll(juliet.bytestream.get(30, TimeUnit.SECONDS), content.length);

        assertThat(received).isEqualTo(content);
        assertThat(juliet.terminated.get(30, TimeUnit.SECONDS)).isEqualTo(JingleReason.Reason.success);
        List<ClientFileTransfer.Progress> progress = sent.get(30, TimeUnit.SECONDS);
        assertThat(progress).isNotEmpty().allMatch(p -> p.method().equals(
                method == SmackJingleFile.Method.IBB ? JingleTransport.Ibb.NAMESPACE : JingleTransport.Socks5.NAMESPACE));
    }

    @ParameterizedTest(name = "{0}, Starling's direct candidate: {1}")
    @CsvSource({"SOCKS5, false", "SOCKS5, true", "IBB, false"})
    void smackSendsAFileToStarling(SmackJingleFile.Method method, boolean direct) throws Exception {
        byte[] content = SmackFiles.random(600_000);
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        CompletableFuture<Path> received = romeo.files().offers().next()
                .flatMap(offer -> direct ? offer.accept(inbox, "127.0.0.1") : offer.accept(inbox)).toFuture();

        SmackJingleFile juliet = SmackJingleFile.offer(smack, JidCreate.entityFullFrom(romeo.jid().toString()), "from-smack.bin", content, method);
        juliet.accepted.get(30, TimeUnit.SECONDS);
        BytestreamSession stream = juliet.bytestream.get(30, TimeUnit.SECONDS);
        try (OutputStream out = stream.getOutputStream()) {
            out.write(content);
        }
        stream.close();
        juliet.terminateWithSuccess();

        Path arrived = received.get(30, TimeUnit.SECONDS);
        assertThat(arrived.getFileName()).hasToString("from-smack.bin");
        assertThat(Files.readAllBytes(arrived)).isEqualTo(content);
    }

    private static byte[] readAll(BytestreamSession stream, int size) throws Exception {
        byte[] bytes = new byte[size];
        try (InputStream in = stream.getInputStream()) {
            int at = 0;
            while (at < size) {
                int n = in.read(bytes, at, size - at);
                if (n < 0) {
                    throw new IllegalStateException("the bytestream ended after " + at + " of " + size + " bytes");
                }
                at += n;
            }
        }
        stream.close();
        return bytes;
    }
}
