package dev.starling.reference;

import dev.starling.conformance.check.CheckResult;
import dev.starling.conformance.check.CheckTarget;
import dev.starling.conformance.check.ConformanceCheck;
import dev.starling.conformance.check.Outcome;
import dev.starling.conformance.check.Report;
import dev.starling.io.server.StarlingServer;
import dev.starling.io.store.InMemoryAccountStore;
import dev.starling.io.tls.TlsSetups;
import dev.starling.io.tls.TrustPolicy;
import dev.starling.io.store.PasswordHashing;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Array;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code starling check}: the live conformance check. With no target it boots the embedded
 * reference server on a free loopback port (a fresh certificate and a fresh account) and checks
 * it; with {@code --server} it checks that server with the given account. Prints a table and
 * writes a JSON report; exits non-zero if any check failed.
 */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check a server's conformance (the embedded one by default).")
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--server", description = "HOST:PORT of the server to check (default: boot the embedded server)")
    private String server;

    @Option(names = "--direct-tls-server", description = "HOST:PORT of its direct TLS port (XEP-0368), if any")
    private String directTlsServer;

    @Option(names = "--domain", description = "the server's domain (default: the JID's)")
    private String domain;

    @Option(names = "--jid", description = "the account to check with")
    private String jid;

    @Option(names = "--password", description = "its password")
    private String password;

    @Option(names = "--trust", defaultValue = "system", description = "system, data:DIR, insecure (tests only) or a trust store file")
    private String trust;

    @Option(names = "--report", defaultValue = "check-report.json", description = "JSON report file (default: ${DEFAULT-VALUE})")
    private Path report;

    @Override
    public Integer call() throws Exception {
        List<CheckResult> results = server == null ? checkEmbedded() : checkTarget();
        System.out.print(Report.table(results));
        Report.writeJson(results, report);
        System.out.println("report written to " + report.toAbsolutePath());
        return results.stream().anyMatch(r -> r.outcome() == Outcome.FAIL) ? 1 : 0;
    }

    private List<CheckResult> checkEmbedded() throws Exception {
        Jid domainJid = Jid.of("localhost");
        Path data = Files.createTempDirectory("starling-check");
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String checkPassword = HexFormat.of().formatHex(secret);
        InMemoryAccountStore accounts = new InMemoryAccountStore();
        accounts.create("checker", PasswordHashing.derive(checkPassword)).block();
        try (StarlingServer embedded = ReferenceServer.create("127.0.0.1", 0, io.vavr.control.Option.some(0), domainJid, data, accounts,
                config -> config.withRegistration(config.registration().withRegistration(true)).withLegacyAuth(true),
                Runtime.getRuntime().availableProcessors(), io.vavr.control.Option.some(dev.starling.io.server.ProxySettings.defaults().withPort(0)))
                .start().block(Duration.ofSeconds(30))) {
            System.out.println("checking the embedded reference server on " + embedded.address());
            var pinned = TrustPolicy.pinned(Array.of(TrustPolicy.pinOf(ReferenceServer.certificate(data, domainJid).certificate())));
            return ConformanceCheck.run(new CheckTarget(embedded.address(), embedded.directTlsAddress(),
                    Jid.of("checker@localhost"), checkPassword, TlsSetups.client(pinned.clientContext(io.vavr.control.Option.none()).get(), "localhost")));
        }
    }

    private List<CheckResult> checkTarget() {
        if (jid == null) {
            throw new IllegalArgumentException("--jid and --password are needed to check another server");
        }
        Jid account = Jid.of(jid);
        Jid domainJid = domain == null ? account.domainJid() : Jid.of(domain);
        String secret = password != null ? password : Prompts.password("Password for " + account + ": ");
        var context = TrustOption.parse(trust, domainJid).clientContext(io.vavr.control.Option.none())
                .getOrElseThrow(problem -> new IllegalArgumentException(problem));
        return ConformanceCheck.run(new CheckTarget(address(server), io.vavr.control.Option.of(directTlsServer).map(CheckCommand::address),
                account, secret, TlsSetups.client(context, domainJid.domain())));
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
