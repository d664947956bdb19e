package dev.starling.io.server;

import dev.starling.io.bytestreams.Socks5Listener;
import dev.starling.machine.bytestreams.Socks5Proxy;
import dev.starling.machine.core.Step;
import dev.starling.machine.stanza.EntityServices;
import dev.starling.model.bytestreams.BytestreamQuery;
import dev.starling.model.bytestreams.Streamhost;
import dev.starling.model.disco.Identity;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.version.SoftwareVersion;
import io.vavr.collection.Array;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.netty.Connection;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The shell of the server's XEP-0065 proxy: the pure {@link Socks5Proxy} machine, run on the
 * router's thread, with a relaying {@link Socks5Listener} for the sockets. IQs to {@code proxy.<domain>}
 * come from the router and the answers go back through it. An activated pair (XEP-0065 §6.3.5) is
 * relayed by {@link Socks5Listener#relay} on the listener's one event loop: each read is written to the
 * partner as it is and reading pauses while the partner's socket is full, so the proxy holds at most
 * about a socket buffer per direction, never a whole file.
 */
final class ProxyComponent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyComponent.class);

    private final Socks5Proxy.Config config;
    private final java.time.Duration relayIdle;
    private final Scheduler thread;
    private final Clock clock;
    private final Consumer<Stanza> answers;
    private final AtomicLong numbers = new AtomicLong();
    private final Map<Long, Admitted> admitted = new HashMap<>(); // router thread only
    private final java.util.Set<Long> relaying = new java.util.HashSet<>(); // router thread only
    private final Socks5Listener listener;
    private final Disposable ticks;
    private Socks5Proxy.State state = Socks5Proxy.initial(); // router thread only

    /** One connection that passed the handshake, waiting for or in its relay. */
    private record Admitted(Connection connection, Sinks.One<Boolean> decision, Sinks.One<Connection> partner) {
    }

    private ProxyComponent(Socks5Proxy.Config config, java.time.Duration relayIdle, Socks5Listener listener, Scheduler thread, Clock clock,
                           Consumer<Stanza> answers) {
        this.config = config;
        this.relayIdle = relayIdle;
        this.listener = listener;
        this.thread = thread;
        this.clock = clock;
        this.answers = answers;
        this.ticks = Flux.interval(config.idle().dividedBy(4), thread).subscribe(n -> feed(new Socks5Proxy.Input.Tick(clock.instant())));
    }

    /**
     * Binds the proxy's listener and starts the proxy for {@code domain}; it announces the bound
     * port (a configured 0 means any free port).
     *
     * @param thread  the router's thread, where the machine runs
     * @param answers where its IQ answers go (the router, on its thread)
     */
    static ProxyComponent start(Jid domain, ProxySettings settings, SoftwareVersion software, Scheduler thread, Clock clock,
                                Consumer<Stanza> answers) {
        Jid jid = Jid.of(settings.subdomain() + "." + domain.domain());
        EntityServices services = new EntityServices(Array.of(Identity.of("proxy", "bytestreams", "SOCKS5 Bytestreams Service")),
                Array.of(BytestreamQuery.NAMESPACE), Array.empty(), software);
        AtomicReference<ProxyComponent> self = new AtomicReference<>();
        Socks5Listener listener = Socks5Listener.startRelaying(settings.host(), settings.port(), settings.handshake(), new Socks5Listener.Streams() {
            @Override
            public Mono<Boolean> admit(Connection connection, String dstAddr) {
                ProxyComponent proxy = self.get();
                return proxy == null ? Mono.just(false) : proxy.admit(connection, dstAddr);
            }

            @Override
            public Publisher<Void> carry(Connection connection, String dstAddr) {
                return self.get().carry(connection);
            }
        }).block(Duration.ofSeconds(10));
        Streamhost streamhost = new Streamhost(jid, settings.announcedHost(), listener.address().getPort());
        // the server's own users only (XEP-0065 §4): a federated entity is forbidden the proxy
        ProxyComponent proxy = new ProxyComponent(new Socks5Proxy.Config(streamhost, services, settings.maxPending(), settings.idle(),
                io.vavr.collection.HashSet.of(domain.domain())),
                settings.relayIdle(), listener, thread, clock, answers);
        self.set(proxy);
        return proxy;
    }

    /** The proxy's JID. */
    Jid jid() {
        return config.streamhost().jid();
    }

    /** Its SOCKS5 address. */
    Streamhost streamhost() {
        return config.streamhost();
    }

    /** An IQ for the proxy; called on the router's thread. */
    void accept(Stanza stanza) {
        if (stanza instanceof Iq iq && iq.type().isRequest()) {
            feed(new Socks5Proxy.Input.Request(iq, clock.instant()));
        }
    }

    private void feed(Socks5Proxy.Input input) {
        Step<Socks5Proxy.State, Socks5Proxy.Output> step = Socks5Proxy.step(config, state, input);
        state = step.state();
        for (Socks5Proxy.Output output : step.outputs()) {
            if (output instanceof Socks5Proxy.Output.Send send) {
                answers.accept(send.stanza());
            } else if (output instanceof Socks5Proxy.Output.Admit admit) {
                admitted.get(admit.connection()).decision().tryEmitValue(true);
            } else if (output instanceof Socks5Proxy.Output.Refuse refuse) {
                LOG.debug("proxy refuses connection {}: {}", refuse.connection(), refuse.reason());
                admitted.remove(refuse.connection()).decision().tryEmitValue(false);
            } else if (output instanceof Socks5Proxy.Output.Relay relay) {
                Admitted first = admitted.get(relay.first());
                Admitted second = admitted.get(relay.second());
                relaying.add(relay.first());
                relaying.add(relay.second());
                first.partner().tryEmitValue(second.connection());
                second.partner().tryEmitValue(first.connection());
            } else if (output instanceof Socks5Proxy.Output.Close close) {
                LOG.debug("proxy closes connection {}: {}", close.connection(), close.reason());
                Admitted gone = admitted.remove(close.connection());
                if (gone != null && !relaying.remove(close.connection())) {
                    gone.connection().dispose(); // a relayed one closes itself once it has written all its partner sent
                }
            }
        }
    }

    @Override
    public void close() {
        ticks.dispose();
        listener.close();
    }

    /** A connection asks for a hash: numbered, then decided on the router's thread. */
    private Mono<Boolean> admit(Connection connection, String dstAddr) {
        long number = numbers.incrementAndGet();
        Admitted entry = new Admitted(connection, Sinks.one(), Sinks.one());
        connection.channel().attr(NUMBER).set(number);
        connection.onDispose(() -> thread.schedule(() -> {
            admitted.remove(number);
            relaying.remove(number);
            feed(new Socks5Proxy.Input.Left(number));
        }));
        thread.schedule(() -> {
            admitted.put(number, entry);
            feed(new Socks5Proxy.Input.Arrived(number, dstAddr, clock.instant()));
        });
        return entry.decision().asMono();
    }

    /**
     * An admitted connection waits for activation, then writes what its partner reads, until the
     * partner closes; once relaying, a connection that neither reads nor writes a byte for
     * {@code relayIdle} is closed, which ends the pair.
     */
    private Publisher<Void> carry(Connection connection) {
        long number = connection.channel().attr(NUMBER).get();
        return Mono.fromCallable(() -> admitted.get(number)).subscribeOn(thread)
                .flatMap(entry -> entry.partner().asMono())
                .doOnNext(partner -> connection.channel().eventLoop().execute(() -> connection.channel().pipeline().addFirst(
                        new io.netty.handler.timeout.IdleStateHandler(0, 0, relayIdle.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS),
                        new SilenceCloses())))
                .flatMap(partner -> Socks5Listener.relay(partner, connection));
    }

    /** Closes a relaying connection that was silent both ways for the relay idle time. */
    private static final class SilenceCloses extends io.netty.channel.ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(io.netty.channel.ChannelHandlerContext ctx, Object event) {
            if (event instanceof io.netty.handler.timeout.IdleStateEvent) {
                ctx.close();
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }
    }

    private static final io.netty.util.AttributeKey<Long> NUMBER = io.netty.util.AttributeKey.valueOf("starling.proxy.connection");
}
