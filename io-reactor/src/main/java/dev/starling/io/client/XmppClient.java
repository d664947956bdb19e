package dev.starling.io.client;

import dev.starling.io.session.SessionHandle;
import dev.starling.io.session.SessionHooks;
import dev.starling.io.session.SessionRunner;
import dev.starling.io.dns.DnsSettings;
import dev.starling.io.dns.XmppEndpoint;
import dev.starling.io.dns.XmppEndpointResolver;
import dev.starling.io.session.TlsSetup;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.stream.client.ClientSession;
import dev.starling.machine.stream.client.ClientState;
import dev.starling.model.Extension;
import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.disco.DiscoItems;
import dev.starling.model.jid.Jid;
import dev.starling.model.ping.Ping;
import dev.starling.model.register.Register;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.version.SoftwareVersion;
import io.netty.channel.ChannelOption;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.tcp.TcpClient;
import reactor.netty.tcp.TcpResources;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A connected XMPP client session with a Reactor API: the pure {@link ClientSession} machine
 * drives the stream through one {@link SessionRunner}; this class turns its events into
 * {@link Flux}es and {@link Mono}s. Nothing here blocks.
 */
public final class XmppClient {

    private final ClientSettings settings;
    private final Sinks.One<XmppClient> ready = Sinks.one();
    private final Sinks.Many<Stanza> stanzas = Sinks.many().multicast().directBestEffort();
    private final Sinks.Many<SessionEvent> events = Sinks.many().replay().limit(64);
    private final ConcurrentHashMap<String, Sinks.One<Iq>> pending = new ConcurrentHashMap<>();
    private final ClientRoster roster;
    private final ClientPresence presence;
    private final ClientExtensions extensions = new ClientExtensions(this);
    private final ClientBlocking blocking;
    private final ClientStorage storage;
    private final ClientOffline offline;
    private final ClientPrivacy privacy;
    private final ClientFileTransfer files;
    private volatile dev.starling.model.im.AvatarUpdate avatar = dev.starling.model.im.AvatarUpdate.notReady();
    private volatile SessionRunner<ClientState> runner;
    private volatile Jid jid;
    private volatile boolean rosterVersioning;

    private XmppClient(ClientSettings settings) {
        this.settings = settings;
        this.roster = new ClientRoster(this, stanzas.asFlux());
        this.presence = new ClientPresence(this, stanzas.asFlux());
        this.blocking = new ClientBlocking(this);
        this.storage = new ClientStorage(this);
        this.offline = new ClientOffline(this);
        this.privacy = new ClientPrivacy(this);
        this.files = new ClientFileTransfer(this);
    }

    /**
     * Connects, negotiates the stream and binds a resource; completes when the session is ready.
     * Failed TCP attempts are retried with exponential backoff and jitter ({@link ClientSettings#attempts()}).
     */
    public static Mono<XmppClient> connect(ClientSettings settings, Option<TlsSetup> tls) {
        Mono<Seq<XmppEndpoint>> endpoints = settings.server()
                .map(address -> Mono.just((Seq<XmppEndpoint>) Array.of(new XmppEndpoint(address.getHostString(), address.getPort(),
                        settings.directTls()))))
                .getOrElse(() -> Mono.usingWhen(
                        Mono.fromSupplier(() -> XmppEndpointResolver.create(DnsSettings.platformDefault(), TcpResources.get())),
                        resolver -> resolver.resolve(settings.machine().jid().domain()),
                        resolver -> Mono.fromRunnable(resolver::close)));
        String domain = settings.machine().jid().domain();
        return endpoints.flatMap(list -> Flux.fromIterable(list)
                .concatMap(endpoint -> attempt(settings, tls, endpoint).map(Either::<String, XmppClient>right)
                        .onErrorResume(error -> !(error instanceof XmppException),
                                error -> Mono.just(Either.left(endpoint.host() + ":" + endpoint.port() + " (" + describe(error) + ")"))))
                .takeUntil(Either::isRight)
                .collectList()
                .flatMap(outcomes -> !outcomes.isEmpty() && outcomes.get(outcomes.size() - 1).isRight()
                        ? Mono.just(outcomes.get(outcomes.size() - 1).get())
                        : Mono.error(new java.net.ConnectException(outcomes.isEmpty() ? "no XMPP service for " + domain
                                : "cannot connect to " + domain + ": " + outcomes.stream().map(Either::getLeft)
                                        .collect(java.util.stream.Collectors.joining(", "))))));
    }

    private static String describe(Throwable error) {
        Throwable cause = reactor.core.Exceptions.isRetryExhausted(error) && error.getCause() != null ? error.getCause() : error;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** One endpoint, with retries and exponential backoff with jitter for failed TCP attempts. */
    private static Mono<XmppClient> attempt(ClientSettings settings, Option<TlsSetup> tls, XmppEndpoint endpoint) {
        Mono<XmppClient> once = Mono.defer(() -> {
            XmppClient client = new XmppClient(settings.withDirectTls(endpoint.directTls()));
            // an unpooled connection: a session owns its socket, and reactor-netty's default pool lends at most 500 at once
            return TcpClient.newConnection().host(endpoint.host()).port(endpoint.port())
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                    .connect()
                    .flatMap(connection -> client.run(connection, tls));
        });
        return once.retryWhen(Retry.backoff(settings.attempts() - 1L, settings.firstBackoff()).jitter(0.5)
                .filter(error -> !(error instanceof XmppException)));
    }

    private Mono<XmppClient> run(Connection connection, Option<TlsSetup> tls) {
        SessionRunner<ClientState> runner = new SessionRunner<>(connection.channel(), ClientSession::step,
                ClientSession.initial(settings.machine()), settings.session(), new Hooks(), Option.none(), tls);
        this.runner = runner;
        connection.channel().eventLoop().execute(() -> {
            runner.start(settings.directTls());
            connection.inbound().receive().subscribe(runner::onBytes,
                    error -> connection.dispose()); // a transport error ends the session through TransportClosed
        });
        return ready.asMono();
    }

    /** The bound full JID. */
    public Jid jid() {
        return jid;
    }

    /** Stanzas that arrive for the application (messages, presence, IQ responses), from now on. */
    public Flux<Stanza> stanzas() {
        return stanzas.asFlux();
    }

    /**
     * Incoming messages, from now on (RFC 6121 §5): chats, groupchat, headlines, errors, and those
     * that carry only a chat state (XEP-0085) or a receipt (XEP-0184). Stored messages come with a
     * delay stamp (XEP-0203) once {@link #available()} is sent.
     */
    public Flux<dev.starling.model.stanza.Message> messages() {
        return stanzas.asFlux().ofType(dev.starling.model.stanza.Message.class);
    }

    /** Session events (TLS, authentication, ready, end, timeouts); the last few are replayed. */
    public Flux<SessionEvent> events() {
        return events.asFlux();
    }

    /**
     * Sends a stanza; completes once it has been written to the socket. Fails with an
     * {@link XmppException} when the session has ended or its queue is full, or when the stanza
     * could not be written.
     */
    public Mono<Void> send(Stanza stanza) {
        return Mono.defer(() -> runner.offerWritten(new SessionInput.SendStanza(stanza))
                .onErrorMap(SessionRunner.NotWritten.class, XmppException::notWritten));
    }

    /**
     * Sends a message asking for a delivery receipt (XEP-0184 §4); completes when the recipient's
     * receipt arrives, or fails after the IQ timeout if none does.
     */
    public Mono<Void> sendWithReceipt(dev.starling.model.stanza.Message message) {
        return Mono.defer(() -> {
            String id = message.id().getOrElse(() -> "msg-" + settings.session().random().token().substring(0, 16));
            Mono<Stanza> receipt = stanzas.asFlux().filter(stanza -> stanza.firstChild(dev.starling.model.im.Receipt.Received.class)
                    .exists(received -> received.id().contains(id))).next();
            var waiting = receipt.timeout(settings.machine().iqTimeout()).toFuture();
            return send(message.withId(io.vavr.control.Option.some(id)).withChild(new dev.starling.model.im.Receipt.Request()))
                    .then(Mono.fromFuture(waiting)).then();
        });
    }

    /**
     * Sends an IQ request and returns its result; an error response fails the Mono with the
     * stanza error, no response in time with a timeout (RFC 6120 §8.2.3).
     */
    public Mono<Iq> request(IqType type, Option<Jid> to, Extension payload) {
        return Mono.defer(() -> {
            String id = "iq-" + settings.session().random().token().substring(0, 16);
            Sinks.One<Iq> response = Sinks.one();
            pending.put(id, response);
            Iq iq = Iq.of(type, id, payload).withTo(to);
            return send(iq).then(response.asMono()).doFinally(signal -> pending.remove(id));
        });
    }

    /**
     * Sends an IQ request built elsewhere (by a machine, with its own id) and returns the response,
     * result or error alike, or fails after {@code timeout}.
     */
    Mono<Iq> exchange(Iq request, Duration timeout) {
        return Mono.defer(() -> {
            var response = stanzas.asFlux().ofType(Iq.class)
                    .filter(iq -> iq.iqId().equals(request.iqId()) && !iq.type().isRequest()).next().timeout(timeout).toFuture();
            return send(request).then(Mono.fromFuture(response));
        });
    }

    /** Whether the server announced roster versioning (RFC 6121 §2.6.1) after authentication. */
    boolean rosterVersioning() {
        return rosterVersioning;
    }

    /** A fresh random token of {@code length} URL-safe characters (at most 96). */
    String token(int length) {
        return settings.session().random().token().substring(0, length);
    }

    /**
     * File transfer (XEP-0096 over XEP-0095, in-band bytestreams): send files, receive offers.
     * Needs {@code ClientFileTransfer.enable(config)}.
     */
    public ClientFileTransfer files() {
        return files;
    }

    /** The account's roster and presence subscriptions (RFC 6121 §2, §3). */
    public ClientRoster roster() {
        return roster;
    }

    /** The account's own presence and its contacts' (RFC 6121 §4). */
    public ClientPresence presence() {
        return presence;
    }

    /** Chat states, attention, last activity and entity time (XEP-0085, XEP-0224, XEP-0012, XEP-0202). */
    public ClientExtensions extensions() {
        return extensions;
    }

    /** vCards and the account's private storage (XEP-0054, XEP-0049). */
    public ClientStorage storage() {
        return storage;
    }

    /** The messages the server stored while the account was offline, retrieved at the application's pace (XEP-0013). */
    public ClientOffline offline() {
        return offline;
    }

    /** The account's privacy lists (XEP-0016). */
    public ClientPrivacy privacy() {
        return privacy;
    }

    /** The account's blocklist (XEP-0191). */
    public ClientBlocking blocking() {
        return blocking;
    }

    /**
     * The avatar update this client advertises (XEP-0153 §4.3): not ready until the account's own
     * vCard was read or written through {@link #storage()}, then its image's hash.
     */
    public dev.starling.model.im.AvatarUpdate avatar() {
        return avatar;
    }

    void avatar(dev.starling.model.im.AvatarUpdate update) {
        avatar = update;
    }

    /**
     * Sends available presence (RFC 6121 §4.2) with this client's capabilities (XEP-0115 §4) and
     * avatar update (XEP-0153 §4.3); {@link ClientPresence#available} adds show, status and priority:
     * subscription requests and messages that waited are delivered now.
     */
    public Mono<Void> available() {
        return send(advertising(dev.starling.model.stanza.Presence.available()));
    }

    /** An available presence with this client's capabilities and avatar update added. */
    dev.starling.model.stanza.Presence advertising(dev.starling.model.stanza.Presence available) {
        return available.withChild(settings.machine().services().caps()).withChild(avatar);
    }

    /** XEP-0199 ping; completes with the round-trip time. */
    public Mono<Duration> ping(Option<Jid> to) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return request(IqType.GET, to, new Ping()).map(result -> Duration.ofNanos(System.nanoTime() - start));
        });
    }

    /** XEP-0030 disco#info of an entity (the server when none). */
    public Mono<DiscoInfo> discoInfo(Option<Jid> to) {
        return request(IqType.GET, to, DiscoInfo.query()).map(iq -> iq.firstChild(DiscoInfo.class)
                .getOrElse(DiscoInfo.query()));
    }

    /** XEP-0030 disco#items of an entity (the server when none). */
    public Mono<DiscoItems> discoItems(Option<Jid> to) {
        return request(IqType.GET, to, DiscoItems.query()).map(iq -> iq.firstChild(DiscoItems.class)
                .getOrElse(DiscoItems.query()));
    }

    /** XEP-0092 software version of an entity (the server when none). */
    public Mono<SoftwareVersion> version(Option<Jid> to) {
        return request(IqType.GET, to, SoftwareVersion.query()).map(iq -> iq.firstChild(SoftwareVersion.class)
                .getOrElse(SoftwareVersion.query()));
    }

    /**
     * Registers the account of the settings in-band (XEP-0077 §3.1) and then logs in with it on
     * the same stream; fails with the host's reason (e.g. {@code conflict}: the username is
     * taken) or with the fields the client could not fill.
     *
     * @param details values for fields besides username and password that the host may ask for (email, name, ...)
     */
    public static Mono<XmppClient> register(ClientSettings settings, Option<TlsSetup> tls, io.vavr.collection.Map<String, String> details) {
        return connect(settings.withMachine(settings.machine().withRegistration(details)), tls);
    }

    /** Changes the account's password (XEP-0077 §3.3); the next login uses the new one. */
    public Mono<Void> changePassword(String newPassword) {
        return request(IqType.SET, Option.none(), Register.passwordChange(jid.local().get(), newPassword)).then();
    }

    /**
     * Removes the account from the server (XEP-0077 §3.2). The server answers, then ends this and
     * every other session of the account with {@code not-authorized}.
     */
    public Mono<Void> cancelRegistration() {
        return request(IqType.SET, Option.none(), Register.cancellation()).then();
    }

    /** Closes the stream in an orderly way (RFC 6120 §4.4); completes when the session has ended. */
    public Mono<Void> close() {
        return Mono.defer(() -> {
            files.close();
            runner.offer(new SessionInput.Close());
            return events.asFlux().filter(SessionEvent.Ended.class::isInstance).next().then();
        });
    }

    /** Turns the machine's events into the API's streams. */
    private final class Hooks implements SessionHooks {

        @Override
        public void onEvent(SessionHandle handle, SessionEvent event) {
            events.tryEmitNext(event);
            if (event instanceof SessionEvent.FeaturesOffered offered) {
                rosterVersioning = offered.features().feature(dev.starling.model.roster.RosterVersioningFeature.class).isDefined();
            }
            if (event instanceof SessionEvent.Ready r) {
                jid = r.jid();
                ready.tryEmitValue(XmppClient.this);
            } else if (event instanceof SessionEvent.StanzaReceived received) {
                onStanza(received.stanza());
            } else if (event instanceof SessionEvent.IqTimedOut timedOut) {
                Sinks.One<Iq> waiting = pending.remove(timedOut.id());
                if (waiting != null) {
                    waiting.tryEmitError(XmppException.timeout(timedOut.id()));
                }
            } else if (event instanceof SessionEvent.Ended ended) {
                XmppException error = XmppException.ended(ended.reason());
                ready.tryEmitError(error);
                pending.values().forEach(waiting -> waiting.tryEmitError(error));
                pending.clear();
                stanzas.tryEmitComplete();
                events.tryEmitComplete();
            }
        }

        private void onStanza(Stanza stanza) {
            if (stanza instanceof Iq iq && !iq.type().isRequest()) {
                Sinks.One<Iq> waiting = pending.remove(iq.iqId());
                if (waiting != null) {
                    if (iq.type() == IqType.ERROR) {
                        waiting.tryEmitError(XmppException.stanzaError(iq.error().getOrElse(
                                dev.starling.model.stanza.StanzaError.of(dev.starling.model.stanza.StanzaErrorCondition.UNDEFINED_CONDITION))));
                    } else {
                        waiting.tryEmitValue(iq);
                    }
                    return;
                }
            }
            stanzas.tryEmitNext(stanza);
        }
    }
}
