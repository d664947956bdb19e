package dev.starling.benchmarks.files;

import dev.starling.io.client.ClientFileTransfer;
import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.SendOptions;
import dev.starling.io.client.XmppClient;
import dev.starling.io.server.ProxySettings;
import dev.starling.io.server.ServerSettings;
import dev.starling.io.server.StarlingServer;
import dev.starling.io.session.SessionSettings;
import dev.starling.io.store.InMemoryAccountStore;
import dev.starling.io.store.PasswordHashing;
import dev.starling.io.tls.SelfSignedCertificate;
import dev.starling.io.tls.TlsCredentials;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.machine.routing.ConflictPolicy;
import dev.starling.machine.sasl.SaslServerPolicy;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.machine.stream.server.ServerConfig;
import dev.starling.model.jid.Jid;
import dev.starling.model.version.SoftwareVersion;
import io.vavr.collection.Array;
import io.vavr.control.Option;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./starling bench files [SOCKS5_MIB IBB_MIB SMACK_MIB]}: file transfer on loopback in one
 * run. A raw TCP copy is the baseline for SOCKS5 (through the Starling proxy, and direct to the
 * sender's own streamhost); Starling's IBB through the Starling server (window 1, as XEP-0047
 * recommends, and window 16) is compared with the framing bound (the raw copy's rate times the
 * share of payload in an IBB stanza), with Smack 4.4.8's IBB through the same server, and (when
 * the interop Prosody runs) with the same Starling clients' IBB through Prosody. Every
 * received file is compared with the sent one. Prints MiB/s, ratios, CPU seconds per GiB and
 * peak RSS per transfer; the server, the proxy and the clients share this process, so CPU and RSS
 * are the whole system's. Each row but Smack's (two seconds a megabyte) is the fastest of three
 * runs, the raw-copy baselines as the transfers.
 *
 * <p>{@code ./starling bench files} runs this with a fixed, pre-touched 1 GiB heap, as a
 * long-running server has: a heap that grows during a timed transfer charges the zeroing of
 * every new page to it (a tenth of the CPU of an IBB run when measured). The peak RSS therefore
 * includes the whole heap.
 */
public final class RunFileBenchmarks {

    private static final Duration WAIT = Duration.ofMinutes(30);
    private static final String PASSWORD = "files-secret";
    private static final int RUNS = 3;

    private RunFileBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        long socksBytes = mib(args, 0, 256);
        long ibbBytes = mib(args, 1, 32);
        long smackBytes = mib(args, 2, 4);
        Path dir = Files.createTempDirectory("starling-bench-files");
        TlsCredentials certificate = SelfSignedCertificate.generate("localhost");
        InMemoryAccountStore accounts = new InMemoryAccountStore();
        for (String user : List.of("romeo", "juliet", "smack1", "smack2")) {
            accounts.create(user, PasswordHashing.derive(PASSWORD)).block();
        }
        ServerConfig machine = ServerConfig.defaults(Jid.of("localhost"),
                        new EntityServices(Array.empty(), Array.empty(), Array.empty(), SoftwareVersion.of("Starling", "bench")))
                .withSasl(new SaslServerPolicy(false, false, false, Array.of("SCRAM-SHA-1")))
                .withLimits(dev.starling.machine.stream.server.StanzaLimits.none()); // rate limits off, as for the peers
        List<Measured> results = new ArrayList<>();
        try (StarlingServer server = StarlingServer.create(new ServerSettings("127.0.0.1", 0, Option.none(), machine,
                        SessionSettings.serverDefaults(), ConflictPolicy.REPLACE_OLD, 16, 1, Option.some(ProxySettings.defaults().withPort(0))),
                accounts, Option.some(TlsSetups.server(TrustPolicy.system().serverContext(certificate, false).get())))
                .start().block(Duration.ofSeconds(30))) {
            XmppClient romeo = starling(server, certificate, "romeo");
            XmppClient juliet = starling(server, certificate, "juliet");
            Path big = file(dir.resolve("socks5.bin"), socksBytes);
            Path small = file(dir.resolve("ibb.bin"), ibbBytes);
            Path smackFile = file(dir.resolve("smack.bin"), smackBytes);

            warmUp(romeo, juliet, dir);
            results.add(Measured.fastestOf(RUNS, "raw TCP copy", socksBytes, () -> RawCopy.copy(big, dir.resolve("raw.out"))));
            verify(big, dir.resolve("raw.out"));
            results.add(Measured.fastestOf(RUNS, "raw TCP copy, MD5 both ends", socksBytes, () -> RawCopy.copyVerified(big, dir.resolve("raw.out"), "MD5")));
            results.add(timed("SOCKS5 via the Starling proxy", socksBytes, romeo, juliet, big, dir, SendOptions.socks5()));
            results.add(timed("SOCKS5 direct", socksBytes, romeo, juliet, big, dir, SendOptions.socks5().withProxy(false).withDirectHost("127.0.0.1")));
            results.add(Measured.fastestOf(RUNS, "raw TCP copy, SHA-256 both ends", socksBytes,
                    () -> RawCopy.copyVerified(big, dir.resolve("raw.out"), "SHA-256")));
            results.add(timed("Jingle SOCKS5 via the proxy", socksBytes, romeo, juliet, big, dir, SendOptions.jingleSocks5()));
            results.add(timed("Jingle SOCKS5 direct", socksBytes, romeo, juliet, big, dir, SendOptions.jingleSocks5().withProxy(false).withDirectHost("127.0.0.1")));
            results.add(Measured.fastestOf(RUNS, "raw TCP copy (IBB size)", ibbBytes, () -> RawCopy.copy(small, dir.resolve("raw-small.out"))));
            results.add(timed("IBB, window 1", ibbBytes, romeo, juliet, small, dir, SendOptions.ibb()));
            results.add(timed("IBB, window 16", ibbBytes, romeo, juliet, small, dir, SendOptions.ibb().withIbbWindow(16)));
            results.add(timed("IBB, window 1 (Smack size)", smackBytes, romeo, juliet, smackFile, dir, SendOptions.ibb()));
            results.add(Measured.of("Smack 4.4.8 IBB", smackBytes, () -> SmackTransfer.send(server, certificate, PASSWORD, smackFile,
                    dir.resolve("smack.out"))));
            verify(smackFile, dir.resolve("smack.out"));
            if (ProsodyIbb.available()) {
                XmppClient alice = ProsodyIbb.connect("alice");
                XmppClient bob = ProsodyIbb.connect("bob");
                transfer(alice, bob, smackFile, dir, SendOptions.ibb().withIbbWindow(16)); // warm-up
                results.add(timed("IBB, window 1, via Prosody", ibbBytes, alice, bob, small, dir, SendOptions.ibb()));
                results.add(timed("IBB, window 16, via Prosody", ibbBytes, alice, bob, small, dir, SendOptions.ibb().withIbbWindow(16)));
                alice.close().block(Duration.ofSeconds(10));
                bob.close().block(Duration.ofSeconds(10));
            } else {
                System.out.println("Prosody is not running (interop/peers.sh start): its IBB is not measured");
            }
            romeo.close().block(Duration.ofSeconds(10));
            juliet.close().block(Duration.ofSeconds(10));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path left : files.toList()) {
                    Files.deleteIfExists(left);
                }
            }
            Files.deleteIfExists(dir);
        }
        report(results);
        System.exit(0); // Smack's and Reactor's non-daemon threads
    }

    private static void report(List<Measured> results) {
        System.out.printf(Locale.ROOT, "%-32s %10s %10s %10s %12s %12s%n", "transfer", "MiB", "MiB/s", "s", "CPU s/GiB", "peak RSS MiB");
        for (Measured m : results) {
            System.out.printf(Locale.ROOT, "%-32s %10.0f %10.1f %10.2f %12.1f %12.0f%n", m.name(), m.bytes() / 1048576.0, m.mibPerSecond(),
                    m.nanos() / 1e9, m.cpuSecondsPerGib(), m.peakRss() / 1048576.0);
        }
        Measured raw = named(results, "raw TCP copy");
        Measured md5 = named(results, "raw TCP copy, MD5 both ends");
        Measured sha256 = named(results, "raw TCP copy, SHA-256 both ends");
        Measured rawSmall = named(results, "raw TCP copy (IBB size)");
        double framing = IbbFraming.payloadShare(16 * 1024);
        for (String si : List.of("SOCKS5 via the Starling proxy", "SOCKS5 direct")) {
            System.out.printf(Locale.ROOT, "%s / raw TCP: %.2f, / raw TCP with MD5: %.2f (goal >= 0.90)%n", si,
                    named(results, si).mibPerSecond() / raw.mibPerSecond(), named(results, si).mibPerSecond() / md5.mibPerSecond());
        }
        for (String jingle : List.of("Jingle SOCKS5 via the proxy", "Jingle SOCKS5 direct")) {
            System.out.printf(Locale.ROOT, "%s / raw TCP: %.2f, / raw TCP with SHA-256: %.2f (goal >= 0.90)%n", jingle,
                    named(results, jingle).mibPerSecond() / raw.mibPerSecond(), named(results, jingle).mibPerSecond() / sha256.mibPerSecond());
        }
        Measured window1 = named(results, "IBB, window 1");
        Measured window16 = named(results, "IBB, window 16");
        Measured smack = named(results, "Smack 4.4.8 IBB");
        System.out.printf(Locale.ROOT, "IBB payload share of a 16 KiB chunk stanza: %.3f; framing bound %.1f MiB/s%n", framing,
                rawSmall.mibPerSecond() * framing);
        System.out.printf(Locale.ROOT, "IBB window 16 / framing bound: %.3f (goal >= 0.70)%n", window16.mibPerSecond() / (rawSmall.mibPerSecond() * framing));
        System.out.printf(Locale.ROOT, "IBB window 1 / framing bound:  %.3f%n", window1.mibPerSecond() / (rawSmall.mibPerSecond() * framing));
        System.out.printf(Locale.ROOT, "Starling IBB (window 1, same size) / Smack IBB: %.1f; window 16 / Smack: %.1f (goal >= 10)%n",
                named(results, "IBB, window 1 (Smack size)").mibPerSecond() / smack.mibPerSecond(), window16.mibPerSecond() / smack.mibPerSecond());
        if (results.stream().anyMatch(m -> m.name().endsWith("via Prosody"))) {
            System.out.printf(Locale.ROOT, "IBB through the Starling server / through Prosody: window 1 %.2f, window 16 %.2f%n",
                    window1.mibPerSecond() / named(results, "IBB, window 1, via Prosody").mibPerSecond(),
                    window16.mibPerSecond() / named(results, "IBB, window 16, via Prosody").mibPerSecond());
        }
    }

    private static Measured named(List<Measured> results, String name) {
        return results.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no measurement named " + name));
    }

    /** Untimed transfers of every kind first, so that the timed ones run compiled code. */
    private static void warmUp(XmppClient romeo, XmppClient juliet, Path dir) throws Exception {
        Path warm = file(dir.resolve("warm.bin"), 16L << 20);
        for (int i = 0; i < 3; i++) {
            RawCopy.copy(warm, dir.resolve("warm.out"));
            transfer(romeo, juliet, warm, dir, SendOptions.socks5());
            transfer(romeo, juliet, warm, dir, SendOptions.socks5().withProxy(false).withDirectHost("127.0.0.1"));
            transfer(romeo, juliet, warm, dir, SendOptions.ibb().withIbbWindow(16));
            transfer(romeo, juliet, warm, dir, SendOptions.ibb());
            transfer(romeo, juliet, warm, dir, SendOptions.jingleSocks5());
            transfer(romeo, juliet, warm, dir, SendOptions.jingleSocks5().withProxy(false).withDirectHost("127.0.0.1"));
        }
        Files.delete(warm);
        Files.delete(dir.resolve("warm.out"));
    }

    /**
     * The fastest of {@link #RUNS} timed transfers, as for the raw copies: the time runs until the sender's progress completed and the receiver
     * has the verified file in place; comparing it with the sent file and deleting it come after,
     * as they do for the raw copies.
     */
    private static Measured timed(String name, long bytes, XmppClient sender, XmppClient receiver, Path file, Path dir, SendOptions options)
            throws Exception {
        Path[] arrived = new Path[1];
        return Measured.fastestOf(RUNS, name, bytes, () -> arrived[0] = deliver(sender, receiver, file, dir, options), () -> {
            verify(file, arrived[0]);
            Files.delete(arrived[0]);
        });
    }

    /** An untimed transfer, verified and deleted. */
    private static void transfer(XmppClient sender, XmppClient receiver, Path file, Path dir, SendOptions options) throws Exception {
        Path arrived = deliver(sender, receiver, file, dir, options);
        verify(file, arrived);
        Files.delete(arrived);
    }

    /** Sends the file and returns where the receiver put it once both sides are done. */
    private static Path deliver(XmppClient sender, XmppClient receiver, Path file, Path dir, SendOptions options) throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        CompletableFuture<Path> received = new CompletableFuture<>();
        var acceptor = receiver.files().offers().take(1).flatMap(offer -> offer.accept(inbox))
                .subscribe(received::complete, received::completeExceptionally);
        try {
            sender.files().sendFile(receiver.jid(), file, options).blockLast(WAIT);
            return received.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            acceptor.dispose();
        }
    }

    private static XmppClient starling(StarlingServer server, TlsCredentials certificate, String user) {
        ClientConfig config = ClientFileTransfer.enable(ClientConfig.of(Jid.of(user + "@localhost/bench"), PASSWORD)
                .withMechanisms(Array.of("SCRAM-SHA-1")).withKeepalive(Option.none()));
        var tls = TlsSetups.client(TrustPolicy.pinned(Array.of(TrustPolicy.pinOf(certificate.certificate())))
                .clientContext(Option.none()).get(), "localhost");
        return XmppClient.connect(ClientSettings.of(config, server.address()), Option.some(tls)).block(Duration.ofSeconds(30));
    }

    /** A file of random content, written a MiB at a time. */
    private static Path file(Path path, long size) throws Exception {
        Random random = new Random(size);
        byte[] block = new byte[1 << 20];
        try (RandomAccessFile out = new RandomAccessFile(path.toFile(), "rw")) {
            for (long written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - written));
            }
        }
        return path;
    }

    /** Fails the run unless both files have the same bytes. */
    static void verify(Path sent, Path received) throws Exception {
        if (Files.mismatch(sent, received) != -1) {
            throw new IllegalStateException(received + " differs from " + sent);
        }
    }

    private static long mib(String[] args, int index, long fallback) {
        return (args.length > index ? Long.parseLong(args[index]) : fallback) * 1024 * 1024;
    }

}
