package dev.starling.io.session;

import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEncoder;
import dev.starling.codec.xml.XmlStreamDecoder;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one runner that drives a session machine over a Netty channel. Socket input (decoded by
 * an {@link XmlStreamDecoder}), timers, TLS events, answers from the assembly and application
 * commands all become {@link SessionInput}s processed one at a time on the channel's event
 * loop, so a session's inputs form one ordered sequence without locks. The runner performs the
 * machine's {@link SessionOutput}s in order and makes no protocol decision: when and what to send,
 * when to start TLS or restart the stream, when to close, all come from the machine.
 *
 * @param <S> the machine's state type
 */
public final class SessionRunner<S> implements SessionHandle {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);
    /** Every byte read and written, at TRACE level (logger {@code dev.starling.wire}). */
    private static final Logger WIRE = LoggerFactory.getLogger("dev.starling.wire");
    private static final byte[] KEEPALIVE = {' '};

    private final Channel channel;
    private final SessionMachine<S> machine;
    private final SessionSettings settings;
    private final SessionHooks hooks;
    private final Option<ServerHooks> serverHooks;
    private final Option<TlsSetup> tls;
    private final XmlStreamDecoder decoder;
    /**
     * One encoder per event-loop thread, shared by the sessions of that loop: an encoder keeps an
     * open writer with its buffers (~6 KiB), which an idle session should not hold. A runner
     * encodes only on its channel's loop, and an encoding finishes before the next begins.
     */
    private static final FastThreadLocal<XmlEncoder> ENCODERS = new FastThreadLocal<>() {
        @Override
        protected XmlEncoder initialValue() {
            return new XmlEncoder();
        }
    };
    private final Map<TimerKey, ScheduledFuture<?>> timers = new HashMap<>();
    private final Map<TimerKey, Duration> timerDurations = new HashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private S state;
    private long lastReadNanos = System.nanoTime();
    private boolean transportClosed;
    private ChannelFuture lastWrite;                   // the last write of the input being processed (offerWritten)
    private String label;

    /**
     * A runner for one connection; call {@link #start} on the channel's event loop.
     *
     * @param channel     the connection
     * @param machine     the session machine
     * @param initial     its initial state
     * @param settings    limits, clock and randomness
     * @param hooks       where events go
     * @param serverHooks storage and routing, for server sessions
     * @param tls         how to start TLS, when the machine asks for it
     */
    public SessionRunner(Channel channel, SessionMachine<S> machine, S initial, SessionSettings settings, SessionHooks hooks,
                         Option<ServerHooks> serverHooks, Option<TlsSetup> tls) {
        this.channel = channel;
        this.machine = machine;
        this.state = initial;
        this.settings = settings;
        this.hooks = hooks;
        this.serverHooks = serverHooks;
        this.tls = tls;
        this.decoder = new XmlStreamDecoder(settings.limits());
        this.label = String.valueOf(channel.remoteAddress());
    }

    /** Feeds {@link SessionInput.Connected}; for direct TLS, installs TLS first (XEP-0368). */
    public void start(boolean directTls) {
        channel.closeFuture().addListener(f -> channel.eventLoop().execute(this::onTransportClosed));
        if (directTls) {
            installTls();
        }
        process(new SessionInput.Connected(directTls));
    }

    /** Bytes from the socket (decrypted when TLS is on); call on the event loop. */
    public void onBytes(ByteBuf buffer) {
        lastReadNanos = System.nanoTime();
        byte[] bytes = ByteBufUtil.getBytes(buffer);
        if (WIRE.isTraceEnabled()) {
            WIRE.trace("{} <- {}", label, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        decoder.feed(bytes);
        for (Option<StreamEvent> event = decoder.next(); event.isDefined() && !transportClosed; event = decoder.next()) {
            process(DecodedInputs.toInput(event.get(), settings.registry(), settings.contentNamespace()));
        }
    }

    @Override
    public boolean offer(SessionInput input) {
        if (transportClosed || queued.incrementAndGet() > settings.maxQueuedInputs()) {
            queued.decrementAndGet();
            return false;
        }
        channel.eventLoop().execute(() -> {
            queued.decrementAndGet();
            process(input);
        });
        return true;
    }

    /**
     * Queues an input like {@link #offer} and completes once what the machine wrote for it has
     * been written to the socket (the last of its writes, as writes complete in order). It fails
     * when the queue is full or the session has ended, when the machine wrote nothing for it, or
     * when the write failed.
     */
    public Mono<Void> offerWritten(SessionInput input) {
        return Mono.create(sink -> {
            if (transportClosed || queued.incrementAndGet() > settings.maxQueuedInputs()) {
                queued.decrementAndGet();
                sink.error(new NotWritten("the session is closed or its queue is full"));
                return;
            }
            channel.eventLoop().execute(() -> {
                queued.decrementAndGet();
                lastWrite = null;
                process(input);
                ChannelFuture written = lastWrite;
                lastWrite = null;
                if (written == null) {
                    sink.error(new NotWritten("the session wrote nothing for it"));
                } else {
                    written.addListener(future -> {
                        if (future.isSuccess()) {
                            sink.success();
                        } else {
                            sink.error(new NotWritten("the write failed: " + future.cause()));
                        }
                    });
                }
            });
        });
    }

    /** Why {@link #offerWritten} did not complete: nothing of the input reached the socket. */
    public static final class NotWritten extends java.io.IOException {
        NotWritten(String message) {
            super(message);
        }
    }

    @Override
    public String label() {
        return label;
    }

    /** Renames the session in logs (e.g. once its JID is bound). */
    public void relabel(String newLabel) {
        this.label = newLabel;
    }

    /** The machine's current state (for tests and diagnostics; read on the event loop). */
    public S state() {
        return state;
    }

    private void process(SessionInput input) {
        if (transportClosed && !(input instanceof SessionInput.TransportClosed) && !(input instanceof SessionInput.Deliver)) {
            return; // a stanza delivered as the connection closed still reaches the machine, which answers a request for it
        }
        Step<S, SessionOutput> step;
        try {
            step = machine.step(state, input, Fresh.drawnOnUse(settings.clock().instant(), settings.random()::token));
        } catch (RuntimeException e) {
            // a bug in a machine must not take other sessions down: end this one as the RFC allows
            LOG.error("session {} failed on {}", label, input.getClass().getSimpleName(), e);
            writeError(StreamError.of(StreamErrorCondition.INTERNAL_SERVER_ERROR));
            channel.close();
            return;
        }
        state = step.state();
        for (SessionOutput output : step.outputs()) {
            perform(output);
        }
    }

    private void perform(SessionOutput output) {
        if (output instanceof SessionOutput.SendHeader header) {
            write(encoder().streamHeader(header.header()));
        } else if (output instanceof SessionOutput.Send send) {
            write(encoder().encode(settings.registry().encode(send.element(), settings.contentNamespace()), settings.contentNamespace()));
        } else if (output instanceof SessionOutput.SendKeepalive) {
            write(KEEPALIVE);
        } else if (output instanceof SessionOutput.StartTls) {
            installTls();
        } else if (output instanceof SessionOutput.RestartStream) {
            decoder.restart();
        } else if (output instanceof SessionOutput.CloseStream close) {
            close.error().forEach(this::writeError);
            write(encoder().streamFooter());
        } else if (output instanceof SessionOutput.CloseTransport) {
            channel.close();
        } else if (output instanceof SessionOutput.StartTimer start) {
            startTimer(start.key(), start.after());
        } else if (output instanceof SessionOutput.CancelTimer cancel) {
            cancelTimer(cancel.key());
        } else if (output instanceof SessionOutput.Notify notify) {
            if (notify.event() instanceof dev.starling.machine.session.SessionEvent.Ready ready) {
                label = ready.jid() + " " + channel.remoteAddress();
            }
            hooks.onEvent(this, notify.event());
        } else if (output instanceof SessionOutput.LookupCredentials lookup) {
            server().lookupCredentials(lookup.username()).subscribe(
                    credentials -> offerInternal(new SessionInput.CredentialsLoaded(credentials)),
                    error -> {
                        LOG.error("credential lookup failed for {}", lookup.username(), error);
                        offerInternal(new SessionInput.CredentialsLoaded(Option.none()));
                    });
        } else if (output instanceof SessionOutput.RequestBinding binding) {
            server().bind(this, binding.request()).subscribe(outcome -> offerInternal(new SessionInput.BindDecided(outcome)),
                    error -> offerInternal(new SessionInput.Terminate(StreamError.of(StreamErrorCondition.INTERNAL_SERVER_ERROR))));
        } else if (output instanceof SessionOutput.Route route) {
            server().route(this, route.stanza());
        } else if (output instanceof SessionOutput.UpdateAccount update) {
            server().updateAccount(update.operation()).subscribe(
                    done -> offerInternal(new SessionInput.AccountUpdated(update.request(), update.operation(), Either.right(done))),
                    error -> {
                        LOG.error("account change {} failed", update.operation(), error);
                        offerInternal(new SessionInput.AccountUpdated(update.request(), update.operation(), Either.left(error.toString())));
                    });
        } else if (output instanceof SessionOutput.EndAccountSessions end) {
            server().endAccountSessions(this, end.account(), end.error());
        }
    }

    private static XmlEncoder encoder() {
        return ENCODERS.get();
    }

    private ServerHooks server() {
        return serverHooks.getOrElseThrow(() -> new IllegalStateException("a server output reached a client session"));
    }

    /** Answers from the assembly always get in, whatever the queue limit (they are owed). */
    private void offerInternal(SessionInput input) {
        channel.eventLoop().execute(() -> process(input));
    }

    private void write(byte[] bytes) {
        if (!channel.isActive()) {
            return;
        }
        ChannelOutboundBuffer pending = channel.unsafe().outboundBuffer();
        if (pending != null && pending.totalPendingWriteBytes() + bytes.length > settings.maxOutboundBytes()) {
            // the peer does not read: refuse to buffer without bound (policy-violation, RFC 6120 §4.9.3.14)
            LOG.warn("session {} exceeded its outbound limit of {} bytes", label, settings.maxOutboundBytes());
            channel.writeAndFlush(Unpooled.wrappedBuffer(encoder().encode(settings.registry().encode(
                    StreamError.of(StreamErrorCondition.POLICY_VIOLATION, "the client does not read its stream"),
                    settings.contentNamespace()), settings.contentNamespace())));
            channel.close();
            return;
        }
        if (WIRE.isTraceEnabled()) {
            WIRE.trace("{} -> {}", label, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        lastWrite = channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
    }

    private void writeError(StreamError error) {
        write(encoder().encode(settings.registry().encode(error, settings.contentNamespace()), settings.contentNamespace()));
    }

    private void installTls() {
        TlsSetup setup = tls.getOrElseThrow(() -> new IllegalStateException("the machine asked for TLS but none is configured"));
        SslHandler handler = setup.newHandler(channel);
        channel.pipeline().addFirst("starling-tls", handler);
        // Processed inline: the handshake completes on the event loop before the handler passes on any
        // decrypted byte, so the machine restarts the stream before the peer's new header is read.
        handler.handshakeFuture().addListener(future -> {
            SessionInput outcome = future.isSuccess() ? setup.established(handler)
                    : new SessionInput.TlsFailed(String.valueOf(future.cause() == null ? "handshake failed" : future.cause().getMessage()));
            if (channel.eventLoop().inEventLoop()) {
                process(outcome);
            } else {
                channel.eventLoop().execute(() -> process(outcome));
            }
        });
    }

    private void startTimer(TimerKey key, Duration after) {
        cancelTimer(key);
        timerDurations.put(key, after);
        schedule(key, after.toNanos());
    }

    private void schedule(TimerKey key, long nanos) {
        timers.put(key, channel.eventLoop().schedule(() -> fired(key), nanos, TimeUnit.NANOSECONDS));
    }

    /**
     * The IDLE timer measures read inactivity (RFC 6120 §4.6.1): any byte from the peer, whitespace
     * included, postpones it. Rather than re-arm it on every read, the runner notes the time of the
     * last read and, when the timer fires early, re-arms it for what is left.
     */
    private void fired(TimerKey key) {
        timers.remove(key);
        Duration idle = timerDurations.get(key);
        if (key == TimerKey.IDLE && idle != null) {
            long quiet = System.nanoTime() - lastReadNanos;
            if (quiet < idle.toNanos()) {
                schedule(key, idle.toNanos() - quiet);
                return;
            }
        }
        process(new SessionInput.TimerFired(key));
    }

    private void cancelTimer(TimerKey key) {
        ScheduledFuture<?> timer = timers.remove(key);
        if (timer != null) {
            timer.cancel(false);
        }
        timerDurations.remove(key);
    }

    private void onTransportClosed() {
        if (transportClosed) {
            return;
        }
        process(new SessionInput.TransportClosed());
        transportClosed = true;
        timers.values().forEach(timer -> timer.cancel(false));
        timers.clear();
    }

    @Override
    public String toString() {
        return "Session[" + label + "]";
    }
}
