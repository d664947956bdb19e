package dev.starling.io.server;

import dev.starling.io.session.ServerHooks;
import dev.starling.io.session.SessionHandle;
import dev.starling.io.session.SessionRunner;
import dev.starling.io.session.TlsSetup;
import dev.starling.io.store.AccountStore;
import dev.starling.io.store.PasswordHashing;
import dev.starling.machine.account.AccountOperation;
import dev.starling.machine.sasl.StoredCredentials;
import dev.starling.machine.session.BindingRequest;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.stream.server.ServerSession;
import dev.starling.machine.stream.server.ServerState;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stream.StreamError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.NettyInbound;
import reactor.netty.resources.LoopResources;
import reactor.core.scheduler.Schedulers;
import reactor.netty.tcp.TcpServer;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An embeddable XMPP server for one domain: client-to-server streams on a STARTTLS port and
 * optionally a direct TLS port (XEP-0368), each connection driven by the pure
 * {@link ServerSession} machine through one {@link SessionRunner}, accounts from an
 * {@link AccountStore}, stanzas through the {@link Router}. The server owns its event loops
 * ({@link ServerSettings#ioThreads()} of them) and runs the router on the first, so a stanza between
 * two sessions of that loop is read, routed and written without a thread hand-over. Start it with
 * {@link #start}; tests and the reference CLI both use it.
 */
public final class StarlingServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StarlingServer.class);

    private ServerSettings settings; // set before the ports open
    private final AccountStore accounts;
    private final Option<TlsSetup> tls;
    private final Router router;
    private final LoopResources loops;
    private final ConcurrentHashMap<SessionHandle, Jid> bound = new ConcurrentHashMap<>();
    private final Hooks hooks = new Hooks();
    private DisposableServer plain;
    private Option<DisposableServer> direct = Option.none();
    private Option<ProxyComponent> proxy = Option.none();

    private StarlingServer(ServerSettings settings, AccountStore accounts, Option<TlsSetup> tls) {
        this.settings = settings.withMachine(settings.machine().withStartedAt(settings.session().clock().instant()));
        this.accounts = accounts;
        this.tls = tls;
        this.loops = LoopResources.create("starling-io", settings.ioThreads(), true);
        this.router = new Router(settings.machine().domain(), settings.conflictPolicy(), settings.maxSessionsPerAccount(),
                accounts, settings.entities(), settings.session().clock(),
                settings.session().random(), Schedulers.fromExecutor(loops.onServer(true).next()));
    }

    /**
     * A server that is not listening yet.
     *
     * @param settings how to listen and behave
     * @param accounts where accounts live
     * @param tls      the server's TLS (its certificate); required unless TLS is disabled
     */
    public static StarlingServer create(ServerSettings settings, AccountStore accounts, Option<TlsSetup> tls) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(accounts, "accounts");
        if (tls.isEmpty() && (settings.directTlsPort().isDefined()
                || settings.machine().tls() != dev.starling.machine.session.TlsPolicy.DISABLED)) {
            throw new IllegalArgumentException("TLS is enabled but the server has no TLS setup (certificate)");
        }
        return new StarlingServer(settings, accounts, tls);
    }

    /** Binds the listening ports; completes when the server accepts connections. */
    public Mono<StarlingServer> start() {
        return startProxy().then(listen(settings.port(), false).doOnNext(server -> plain = server)
                .then(settings.directTlsPort().map(port -> listen(port, true).doOnNext(server -> direct = Option.some(server)).then())
                        .getOrElse(Mono.empty())))
                .doOnSuccess(done -> LOG.info("XMPP server for {} listening on {}{}", settings.machine().domain(), address(),
                        directTlsAddress().map(a -> " and direct TLS on " + a).getOrElse("")))
                .thenReturn(this);
    }

    /**
     * Starts the bytestream proxy, if configured, before the client ports open: the router serves
     * its domain and the server's disco#items lists it (XEP-0065 §4, Example 3).
     */
    private Mono<Void> startProxy() {
        return settings.proxy().map(proxySettings -> Mono.fromRunnable(() -> {
            ProxyComponent component = ProxyComponent.start(settings.machine().domain(), proxySettings,
                    settings.machine().services().software(), router.thread(), settings.session().clock(), router::fromComponent);
            router.attach(component.jid().domain(), component::accept);
            settings = settings.withMachine(settings.machine().withServices(settings.machine().services()
                    .withItem(new dev.starling.model.disco.DiscoItem(component.jid(), Option.none(), Option.some("SOCKS5 Bytestreams Service")))));
            proxy = Option.some(component);
            LOG.info("bytestream proxy {} listening on {}:{}", component.jid(), component.streamhost().host(), component.streamhost().port());
        }).subscribeOn(Schedulers.boundedElastic()).then()).getOrElse(Mono.empty());
    }

    /** The bytestream proxy's address, if the server runs one. */
    public Option<dev.starling.model.bytestreams.Streamhost> proxy() {
        return proxy.map(ProxyComponent::streamhost);
    }

    private Mono<? extends DisposableServer> listen(int port, boolean directTls) {
        return TcpServer.create().runOn(loops).host(settings.host()).port(port)
                .handle((in, out) -> serve(in, directTls))
                .bind();
    }

    private Publisher<Void> serve(NettyInbound inbound, boolean directTls) {
        AtomicReference<SessionRunner<ServerState>> runner = new AtomicReference<>();
        inbound.withConnection(connection -> runner.set(new SessionRunner<>(connection.channel(), ServerSession::step,
                ServerSession.initial(settings.machine()), settings.session(), hooks, Option.some(hooks), tls)));
        runner.get().start(directTls);
        return inbound.receive().doOnNext(bytes -> runner.get().onBytes(bytes)).then();
    }

    /** The STARTTLS port's address. */
    public InetSocketAddress address() {
        return (InetSocketAddress) plain.address();
    }

    /** The direct TLS port's address, if one is open. */
    public Option<InetSocketAddress> directTlsAddress() {
        return direct.map(server -> (InetSocketAddress) server.address());
    }

    /** The served domain. */
    public Jid domain() {
        return settings.machine().domain();
    }

    /** The account store. */
    public AccountStore accounts() {
        return accounts;
    }

    /** The router (for diagnostics and tests). */
    public Router router() {
        return router;
    }

    @Override
    public void close() {
        if (plain != null) {
            plain.disposeNow();
        }
        direct.forEach(DisposableServer::disposeNow);
        proxy.forEach(ProxyComponent::close);
        router.close();
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }

    /** Connects sessions to the store and the router. */
    private final class Hooks implements ServerHooks {

        @Override
        public void onEvent(SessionHandle session, SessionEvent event) {
            if (event instanceof SessionEvent.Ready ready) {
                bound.put(session, ready.jid());
                LOG.debug("{} is ready", ready.jid());
            } else if (event instanceof SessionEvent.Ended ended) {
                Jid jid = bound.remove(session);
                if (jid != null) {
                    router.unbind(session, jid);
                }
                LOG.debug("session {} ended: {}", session.label(), ended.reason().description());
            } else if (event instanceof SessionEvent.AccountChanged changed) {
                LOG.info("session {}: {}", session.label(), changed.operation());
            } else if (event instanceof SessionEvent.AuthenticationFailed failed) {
                LOG.info("session {} failed {} authentication: {}", session.label(), failed.mechanism(), failed.condition().wireName());
            }
        }

        @Override
        public Mono<Option<StoredCredentials>> lookupCredentials(String username) {
            return accounts.credentials(username);
        }

        @Override
        public Mono<Either<StanzaError, Jid>> bind(SessionHandle session, BindingRequest request) {
            return router.bind(session, request);
        }

        @Override
        public void route(SessionHandle session, Stanza stanza) {
            router.route(session, stanza);
        }

        @Override
        public Mono<Boolean> updateAccount(AccountOperation operation) {
            if (operation instanceof AccountOperation.Create create) {
                return PasswordHashing.deriveLater(create.password())
                        .flatMap(credentials -> accounts.create(create.username(), credentials, create.details()));
            }
            if (operation instanceof AccountOperation.ChangePassword change) {
                return PasswordHashing.deriveLater(change.password()).flatMap(credentials -> accounts.update(change.username(), credentials));
            }
            return accounts.delete(operation.username());
        }

        @Override
        public void endAccountSessions(SessionHandle session, Jid account, StreamError error) {
            router.endAccountSessions(session, account, error);
        }
    }
}
