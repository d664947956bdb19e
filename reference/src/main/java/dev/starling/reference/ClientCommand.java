package dev.starling.reference;

import dev.starling.io.client.ClientSettings;
import dev.starling.io.client.XmppClient;
import dev.starling.io.session.SessionSettings;
import dev.starling.io.tls.TlsSetups;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.jid.Jid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * {@code starling client --jid J --password P [--server HOST:PORT] [--trust ...] COMMAND}: a
 * scriptable client; each subcommand logs in, does one thing and logs out. The subscription and
 * presence subcommands are methods here; the others are their own classes.
 */
@Command(name = "client", mixinStandardHelpOptions = true, description = "Log in and send, receive, ping, query, or manage the account.",
        subcommands = {ClientSend.class, ClientReceive.class, ClientPing.class, ClientDisco.class, ClientRegister.class,
                ClientPasswd.class, ClientUnregister.class, ClientRosterCommand.class, ClientSendFile.class, ClientReceiveFiles.class, ClientSendUrl.class})
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

    @Command(name = "subscribe", mixinStandardHelpOptions = true, description = "Ask to see a contact's presence (RFC 6121 §3.1).")
    int subscribe(@Parameters(paramLabel = "JID") String contact) {
        return ClientPresence.act(this, contact, (session, to) -> session.roster().subscribe(to), "asked ");
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Let a contact see your presence: approve a request or pre-approve one (RFC 6121 §3.1.4, §3.4).")
    int approve(@Parameters(paramLabel = "JID") String contact) {
        return ClientPresence.act(this, contact, (session, to) -> session.roster().approve(to), "approved ");
    }

    @Command(name = "deny", mixinStandardHelpOptions = true, description = "Refuse a request or cancel a contact's subscription (RFC 6121 §3.2).")
    int deny(@Parameters(paramLabel = "JID") String contact) {
        return ClientPresence.act(this, contact, (session, to) -> session.roster().deny(to), "denied ");
    }

    @Command(name = "unsubscribe", mixinStandardHelpOptions = true, description = "Stop seeing a contact's presence (RFC 6121 §3.3).")
    int unsubscribe(@Parameters(paramLabel = "JID") String contact) {
        return ClientPresence.act(this, contact, (session, to) -> session.roster().unsubscribe(to), "unsubscribed from ");
    }

    @Command(name = "block", mixinStandardHelpOptions = true,
            description = "Block JIDs (XEP-0191 §3.3), or list the blocked JIDs when none is given.")
    int block(@Parameters(arity = "0..*", paramLabel = "JID") java.util.List<String> jids) {
        XmppClient session = connect();
        if (jids == null || jids.isEmpty()) {
            session.blocking().load().block(Duration.ofSeconds(10)).forEach(System.out::println);
        } else {
            session.blocking().block(jids.stream().map(Jid::of).toArray(Jid[]::new)).block(Duration.ofSeconds(10));
            System.out.println("blocked " + String.join(" ", jids));
        }
        session.close().block(Duration.ofSeconds(10));
        return 0;
    }

    @Command(name = "unblock", mixinStandardHelpOptions = true, description = "Unblock JIDs, or everyone when none is given (XEP-0191 §3.4, §3.5).")
    int unblock(@Parameters(arity = "0..*", paramLabel = "JID") java.util.List<String> jids) {
        XmppClient session = connect();
        Jid[] targets = jids == null ? new Jid[0] : jids.stream().map(Jid::of).toArray(Jid[]::new);
        session.blocking().unblock(targets).block(Duration.ofSeconds(10));
        session.close().block(Duration.ofSeconds(10));
        System.out.println(targets.length == 0 ? "unblocked everyone" : "unblocked " + String.join(" ", jids));
        return 0;
    }

    @Command(name = "vcard", mixinStandardHelpOptions = true,
            description = "Print a vCard: your own, or JID's (XEP-0054); with --fn or --nickname, set your own fields first.")
    int vcard(@Parameters(arity = "0..1", paramLabel = "JID") String of,
              @Option(names = "--fn", description = "your full name") String fullName,
              @Option(names = "--nickname", description = "your nickname") String nickname) {
        XmppClient session = connect();
        if (fullName != null || nickname != null) {
            dev.starling.model.element.Element.Builder card = dev.starling.model.element.Element.builder("vcard-temp", "vCard");
            if (fullName != null) {
                card.child(dev.starling.model.element.Element.builder("vcard-temp", "FN").text(fullName).build());
            }
            if (nickname != null) {
                card.child(dev.starling.model.element.Element.builder("vcard-temp", "NICKNAME").text(nickname).build());
            }
            session.storage().setVcard(card.build()).block(Duration.ofSeconds(10));
        }
        var card = session.storage().vcard(io.vavr.control.Option.of(of).map(Jid::of)).block(Duration.ofSeconds(10));
        System.out.println(new dev.starling.codec.xml.XmlEncoder().toXml(card));
        session.close().block(Duration.ofSeconds(10));
        return 0;
    }

    @Command(name = "presence", mixinStandardHelpOptions = true,
            description = "Go online with a show and status, print the presence and messages that arrive, and go offline (RFC 6121 §4).")
    int presence(@Parameters(index = "0", arity = "0..1", paramLabel = "SHOW", description = "online, away, chat, dnd or xa") String show,
                 @Parameters(index = "1", arity = "0..1", paramLabel = "STATUS") String status,
                 @Option(names = "--seconds", defaultValue = "10", description = "how long to stay online (default: ${DEFAULT-VALUE})") int seconds) {
        XmppClient session = connect();
        session.stanzas().subscribe(stanza -> System.out.println(ClientReceive.line(stanza)));
        session.send(ClientPresence.presence(show, status)).block(Duration.ofSeconds(10));
        reactor.core.publisher.Mono.delay(Duration.ofSeconds(seconds)).block();
        session.close().block(Duration.ofSeconds(10));
        return 0;
    }

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
