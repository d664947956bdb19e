package dev.starling.conformance.interop;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the real peers started by {@code interop/peers.sh} listen, and whether they must be
 * there: with {@code STARLING_INTEROP=required} (set by {@code ./starling test} once it started
 * them, and so in CI) a missing peer fails the test; otherwise the test is skipped with a message
 * saying how to get the peer.
 */
final class Peers {

    static final Path RUN = Path.of(System.getenv().getOrDefault("STARLING_INTEROP_DIR", "/tmp/starling-interop"));
    static final Path CERTIFICATE = RUN.resolve("certs/localhost.crt");

    private Peers() {
    }

    /** Checks that a peer listens on the port, or skips (fails when required). */
    static InetSocketAddress require(String peer, int port) {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        boolean up = listening(address) && Files.exists(CERTIFICATE);
        if (!up && "required".equals(System.getenv("STARLING_INTEROP"))) {
            throw new AssertionError(peer + " is required (STARLING_INTEROP=required) but does not listen on " + address);
        }
        Assumptions.assumeTrue(up, peer + " is not running on " + address + ": install it (apt-get install -y prosody ejabberd "
                + "python3-slixmpp) and run interop/peers.sh start, or just run ./starling test as root");
        return address;
    }

    /** Whether the Python interpreter with slixmpp is there, or skips (fails when required). */
    static void requireSlixmpp() {
        boolean present;
        try {
            present = new ProcessBuilder("/usr/bin/python3", "-c", "import slixmpp").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        if (!present && "required".equals(System.getenv("STARLING_INTEROP"))) {
            throw new AssertionError("slixmpp is required (STARLING_INTEROP=required) but /usr/bin/python3 cannot import it");
        }
        Assumptions.assumeTrue(present, "slixmpp is missing: apt-get install -y python3-slixmpp");
    }

    /** A peer script of {@code interop/slixmpp/}, whether the build runs from the module or the root. */
    static Path script(String name) {
        Path here = Path.of("").toAbsolutePath();
        Path script = here.resolveSibling("interop").resolve("slixmpp").resolve(name);
        return Files.exists(script) ? script : here.resolve("interop/slixmpp").resolve(name);
    }

    private static boolean listening(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
