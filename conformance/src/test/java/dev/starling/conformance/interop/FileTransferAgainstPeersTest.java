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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Starling clients exchange files through real servers: the offer and the in-band bytestream
 * routed by Prosody and ejabberd, Jingle sessions (XEP-0234 over XEP-0261, and over XEP-0260
 * through their proxies) through them, and SOCKS5 bytestreams through their own proxies (Prosody's
 * {@code mod_proxy65}, ejabberd's {@code mod_proxy65}), discovered over disco as XEP-0065 §4 says.
 */
class FileTransferAgainstPeersTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path outbox;

    @TempDir
    Path inbox;

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({"Prosody, 25222, ibb", "Prosody, 25222, socks5", "Prosody, 25222, jingle", "Prosody, 25222, jingle-socks5",
            "ejabberd, 35222, ibb", "ejabberd, 35222, socks5", "ejabberd, 35222, jingle", "ejabberd, 35222, jingle-socks5"})
    void aFileCrossesTheServer(String peer, int port, String method) throws Exception {
        InetSocketAddress address = Peers.require(peer, port);
        XmppClient alice = connect("alice", address);
        XmppClient bob = connect("bob", address);
        try {
            byte[] content = new byte[700_000];
            new Random(port).nextBytes(content);
            Path sent = Files.write(outbox.resolve("nurse.bin"), content);
            CompletableFuture<Path> received = new CompletableFuture<>();
            var acceptor = bob.files().offers().take(1).flatMap(offer -> offer.accept(inbox))
                    .subscribe(received::complete, received::completeExceptionally);
            SendOptions options = switch (method) {
                case "ibb" -> SendOptions.ibb();
                case "jingle" -> SendOptions.jingle();
                case "jingle-socks5" -> SendOptions.jingleSocks5();
                default -> SendOptions.socks5();
            };
            List<ClientFileTransfer.Progress> progress = alice.files().sendFile(bob.jid(), sent, options).collectList().block(WAIT);
            Path file = received.get(60, TimeUnit.SECONDS);
            acceptor.dispose();
            assertThat(Files.readAllBytes(file)).as(peer + " carried the file").isEqualTo(content);
            assertThat(progress.get(progress.size() - 1).method()).isEqualTo(switch (method) {
                case "ibb" -> InBandBytestream.NAMESPACE;
                case "jingle" -> dev.starling.model.jingle.JingleTransport.Ibb.NAMESPACE;
                case "jingle-socks5" -> dev.starling.model.jingle.JingleTransport.Socks5.NAMESPACE;
                default -> BytestreamQuery.NAMESPACE;
            });
        } finally {
            alice.close().block(WAIT);
            bob.close().block(WAIT);
        }
    }

    private static XmppClient connect(String user, InetSocketAddress address) {
        ClientConfig config = ClientFileTransfer.enable(ClientConfig.of(Jid.of(user + "@localhost/files"), "secret-" + user)
                .withKeepalive(Option.none()));
        var context = TrustPolicy.trustStore(Peers.CERTIFICATE).clientContext(Option.none()).get();
        return XmppClient.connect(ClientSettings.of(config, address), Option.some(TlsSetups.client(context, "localhost")))
                .block(Duration.ofSeconds(20));
    }
}
