package dev.starling.reference;

import dev.starling.io.server.StarlingServer;
import dev.starling.io.store.JdbcAccountStore;
import dev.starling.model.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code starling server}: the reference server on loopback by default, with a self-signed
 * certificate created on first start and accounts in an embedded database, both in the data
 * directory (or accounts in PostgreSQL with {@code --database}). Stops on Ctrl-C.
 */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Run the reference XMPP server.")
final class ServerCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--port", defaultValue = "5222", description = "STARTTLS port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--tls-port", defaultValue = "5223", description = "direct TLS port, XEP-0368; -1 for none (default: ${DEFAULT-VALUE})")
    private int tlsPort;

    @Option(names = "--domain", defaultValue = "localhost", description = "the XMPP domain (default: ${DEFAULT-VALUE})")
    private String domain;

    @Mixin
    private DatabaseOption database;

    @Option(names = "--data", defaultValue = DataDirectory.DEFAULT, description = "data directory (default: ${DEFAULT-VALUE})")
    private Path data;

    @Option(names = "--allow-registration", description = "let clients register accounts in-band (XEP-0077; off by default)")
    private boolean allowRegistration;

    @Option(names = "--registration-fields", split = ",", paramLabel = "FIELD",
            description = "extra registration fields besides username and password, e.g. email,name (a XEP-0004 form is sent too)")
    private java.util.List<String> registrationFields = java.util.List.of();

    @Option(names = "--legacy-auth", description = "offer XEP-0078 non-SASL authentication on encrypted streams (off by default)")
    private boolean legacyAuth;

    @Option(names = "--io-threads", paramLabel = "N", description = "event-loop threads; the router runs on the first"
            + " (default: one per processor; 1 costs the least CPU per stanza)")
    private int ioThreads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--proxy-port", defaultValue = "7777", paramLabel = "PORT",
            description = "port of the SOCKS5 bytestream proxy proxy.<domain> on --host (XEP-0065); -1 for none (default: ${DEFAULT-VALUE})")
    private int proxyPort;

    @Option(names = "--proxy-pending", defaultValue = "256", paramLabel = "N",
            description = "SOCKS5 connections the proxy keeps waiting for activation at once (default: ${DEFAULT-VALUE})")
    private int proxyPending;

    @Option(names = "--proxy-activation", defaultValue = "60", paramLabel = "SECONDS",
            description = "how long a proxy connection may wait for its activation (default: ${DEFAULT-VALUE})")
    private int proxyActivation;

    @Option(names = "--proxy-idle", defaultValue = "60", paramLabel = "SECONDS",
            description = "how long an activated proxy pair may carry no byte before both are closed (default: ${DEFAULT-VALUE})")
    private int proxyIdle;

    @Option(names = "--stanza-rate", defaultValue = "5000/5000", paramLabel = "BURST/PER_SECOND",
            description = "stanzas a client session may send at once and per second (XEP-0205), or off (default: ${DEFAULT-VALUE})")
    private String stanzaRate;

    @Option(names = "--presence-rate", defaultValue = "100/10", paramLabel = "BURST/PER_SECOND",
            description = "presence stanzas a client session may send at once and per second, or off (default: ${DEFAULT-VALUE})")
    private String presenceRate;

    @Option(names = "--offline-quota", defaultValue = "1000", paramLabel = "N",
            description = "messages kept per offline account (XEP-0160); beyond it senders get resource-constraint (default: ${DEFAULT-VALUE})")
    private int offlineQuota;

    @Option(names = "--idle-accounts", defaultValue = "10000", paramLabel = "N",
            description = "accounts without a session kept loaded in memory, most recently used first (default: ${DEFAULT-VALUE})")
    private int idleAccounts;

    @Option(names = "--account-queue", defaultValue = "1000", paramLabel = "N",
            description = "stanzas that may wait for one account while it loads or saves; beyond it resource-constraint (default: ${DEFAULT-VALUE})")
    private int accountQueue;

    @Override
    public Integer call() throws Exception {
        var limits = new dev.starling.machine.stream.server.StanzaLimits(RateOption.parse(stanzaRate), RateOption.parse(presenceRate));
        Jid domainJid = Jid.ofDomain(domain).getOrElseThrow(error -> new IllegalArgumentException(error.message()));
        CountDownLatch stopped = new CountDownLatch(1);
        try (JdbcAccountStore accounts = database.open(data);
             StarlingServer server = ReferenceServer.create(host, port, tlsPort < 0 ? io.vavr.control.Option.none()
                     : io.vavr.control.Option.some(tlsPort), domainJid, data, accounts,
                     config -> config.withRegistration(config.registration().withRegistration(allowRegistration)
                             .withExtraFields(io.vavr.collection.Array.ofAll(registrationFields))).withLegacyAuth(legacyAuth).withLimits(limits), ioThreads,
                     proxyPort < 0 ? io.vavr.control.Option.none() : io.vavr.control.Option.some(dev.starling.io.server.ProxySettings.defaults().on(host).withPort(proxyPort)
                             .withLimits(proxyPending, Duration.ofSeconds(proxyActivation)).withRelayIdle(Duration.ofSeconds(proxyIdle))),
                     dev.starling.io.server.EntityLimits.defaults().withOfflineMessages(offlineQuota).withCache(idleAccounts, accountQueue))
                     .start().block(Duration.ofSeconds(30))) {
            System.out.println("Starling serves " + domainJid + " on " + server.address()
                    + server.directTlsAddress().map(a -> " (direct TLS on " + a + ")").getOrElse("")
                    + server.proxy().map(p -> ", bytestream proxy " + p.jid() + " on " + p.host() + ":" + p.port()).getOrElse("")
                    + "; data in " + data.toAbsolutePath() + ". Add accounts with: ./starling user add USER@" + domainJid + " --data " + data);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return 0;
    }
}
