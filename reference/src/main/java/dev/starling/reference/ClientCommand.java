package dev.starling.reference;

import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.session.SessionSettings;
import dev.starling.io.tls.TlsSetups;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * {@code starling client --jid J --password P [--server HOST:PORT] [--trust ...] COMMAND}: a
 * scriptable client; each subcommand logs in, does one thing and logs out.
 */
@Command(name = "client", mixinStandardHelpOptions = true, description = "Log in and send, receive, ping, query, or manage the account.",
        subcommands = {ClientSend.class, ClientReceive.class, ClientPing.class, ClientDisco.class, ClientRegister.class,
                ClientPasswd.class, ClientUnregister.class})
final class ClientCommand {

    @Option(names = "--jid", required = true, description = "the account, e.g. juliet@localhost (or with /resource)")
    String jid;

    @Option(names = "--password", description = "the password (asked for when missing)")
    String password;

    @Option(names = "--server", description = "HOST:PORT to connect to (default: the domain's SRV records, RFC 6120 §3.2)")
    String server;

    @Option(names = "--direct-tls", description = "the server address speaks TLS from the first byte (XEP-0368)")
    boolean directTls;

    @Option(names = "--trust", defaultValue = "system",
            description = "system, data:DIR (pin a reference server's certificate), insecure (tests only), or a trust store file")
    String trust;

    @Option(names = "--legacy-auth", description = "allow XEP-0078 non-SASL login when the server offers no usable SASL mechanism")
    boolean legacyAuth;

    /** Logs in; fails with the reason the session ended. */
    XmppClient connect() {
        return connect(UnaryOperator.identity());
    }

    /** Logs in with the configuration adjusted (e.g. to register first); fails with the reason the session ended. */
    XmppClient connect(UnaryOperator<ClientConfig> adjust) {
        Jid account = Jid.of(jid);
        String secret = password != null ? password : Prompts.password("Password for " + account.bare() + ": ");
        ClientConfig config = adjust.apply(ClientConfig.of(account, secret).withLegacyAuth(legacyAuth));
        io.vavr.control.Option<InetSocketAddress> address = io.vavr.control.Option.of(server).map(ClientCommand::address);
        ClientSettings settings = new ClientSettings(config, address, directTls, SessionSettings.defaults(), Duration.ofSeconds(10), 3,
                Duration.ofMillis(500));
        var context = TrustOption.parse(trust, account.domainJid()).clientContext(io.vavr.control.Option.none())
                .getOrElseThrow(problem -> new IllegalArgumentException(problem));
        return XmppClient.connect(settings, io.vavr.control.Option.some(TlsSetups.client(context, account.domain())))
                .block(Duration.ofSeconds(60));
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            return InetSocketAddress.createUnresolved(hostPort, 5222);
        }
        return InetSocketAddress.createUnresolved(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
