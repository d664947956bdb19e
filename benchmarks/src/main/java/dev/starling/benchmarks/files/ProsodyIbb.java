package dev.starling.benchmarks.files;

import dev.starling.io.client.ClientFileTransfer;
import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.jid.Jid;
import io.vavr.control.Option;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Two Starling clients on the interop Prosody ({@code interop/peers.sh}: 127.0.0.1:25222, accounts
 * alice and bob, no {@code mod_limits}, so no rate limit), for the same IBB transfer as through
 * the Starling server: the server's share of the cost, compared on equal terms.
 */
final class ProsodyIbb {

    private static final Path RUN = Path.of(System.getenv().getOrDefault("STARLING_INTEROP_DIR", "/tmp/starling-interop"));
    private static final InetSocketAddress PROSODY = new InetSocketAddress("127.0.0.1", 25222);

    private ProsodyIbb() {
    }

    /** Whether the interop Prosody is listening. */
    static boolean available() {
        try (Socket socket = new Socket()) {
            socket.connect(PROSODY, 500);
            return Files.exists(RUN.resolve("certs/localhost.crt"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** alice or bob, logged into Prosody and ready for file transfer. */
    static XmppClient connect(String user) {
        ClientConfig config = ClientFileTransfer.enable(ClientConfig.of(Jid.of(user + "@localhost/bench"), "secret-" + user)
                .withKeepalive(Option.none()));
        var context = TrustPolicy.trustStore(RUN.resolve("certs/localhost.crt")).clientContext(Option.none()).get();
        return XmppClient.connect(ClientSettings.of(config, PROSODY), Option.some(TlsSetups.client(context, "localhost")))
                .block(Duration.ofSeconds(30));
    }
}
