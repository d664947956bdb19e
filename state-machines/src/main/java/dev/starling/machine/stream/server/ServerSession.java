package dev.starling.machine.stream.server;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.CloseReason;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.machine.stream.server.ServerState.AwaitConnection;
import dev.starling.machine.stream.server.ServerState.Closed;
import dev.starling.machine.stream.server.ServerState.Closing;
import dev.starling.machine.stream.server.ServerState.ExpectStreamHeader;
import dev.starling.machine.stream.server.ServerState.ExpectTlsHandshake;
import dev.starling.machine.stream.server.ServerState.Ready;
import dev.starling.model.Namespaces;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import dev.starling.model.stream.StreamHeader;
import dev.starling.model.stream.StreamVersion;
import io.vavr.control.Option;

/**
 * The server side of a client-to-server stream, RFC 6120 §4 to §9.1: answer the initial header
 * with a response header and features (§4.2, §4.3.2), negotiate STARTTLS (§5.4), SASL (§6.4)
 * and resource binding (§7) with their stream restarts (§4.3.3), refuse stanzas before that
 * (§4.3.5, not-authorized), then exchange stanzas, stamping and checking 'from' (§8.1.2.1,
 * §4.9.3.9), until either side closes (§4.4) or an error ends the stream (§4.9). A pure machine.
 */
public final class ServerSession {

    private ServerSession() {
    }

    /** The state before the connection is accepted. */
    public static ServerState initial(ServerConfig config) {
        return new AwaitConnection(ServerContext.start(config));
    }

    /**
     * Feeds one input to the machine. A bound session that ends answers, before anything else it
     * does, the IQ requests it was given and did not answer; one that is closing or closed answers
     * those delivered to it at once ({@link UnansweredRequests}).
     */
    public static Step<ServerState, SessionOutput> step(ServerState state, SessionInput input, Fresh fresh) {
        if ((state instanceof Closing || state instanceof Closed) && input instanceof SessionInput.Deliver deliver && deliver.stanza() instanceof Iq iq && iq.type().isRequest()
                && iq.from().isDefined()) {
            return Step.of(state, UnansweredRequests.bounced(io.vavr.collection.Array.of(iq)));
        }
        Step<ServerState, SessionOutput> step = stepWithin(state, input, fresh);
        if (state instanceof Ready ready && !(step.state() instanceof Ready) && !ready.unanswered().isEmpty()) {
            return Step.of(step.state(), UnansweredRequests.bounced(ready.unanswered().values()).appendAll(step.outputs()));
        }
        return step;
    }

    private static Step<ServerState, SessionOutput> stepWithin(ServerState state, SessionInput input, Fresh fresh) {
        if (state instanceof Closed) {
            return Step.of(state);
        }
        if (input instanceof SessionInput.TransportClosed) {
            return ended(state, CloseReason.orderly(state instanceof Closing ? "stream closed" : "the client disconnected"));
        }
        if (input instanceof SessionInput.TimerFired timer && timer.key().equals(TimerKey.CLOSING)) {
            return ended(state, CloseReason.orderly("the client did not close its stream in time"))
                    .precededBy(new SessionOutput.CloseTransport());
        }
        if (state instanceof Closing) {
            return input instanceof SessionInput.PeerClosedStream
                    ? ended(state, CloseReason.orderly("stream closed")).precededBy(new SessionOutput.CloseTransport())
                    : Step.of(state);
        }
        if (input instanceof SessionInput.InputFailed failed) {
            return closeWith(state.context(), failed.error(), fresh);
        }
        if (input instanceof SessionInput.PeerClosedStream) {
            return ended(state, CloseReason.orderly("the client closed the stream"))
                    .precededBy(new SessionOutput.CloseStream(Option.none()), new SessionOutput.CloseTransport());
        }
        if (input instanceof SessionInput.Received received && received.element() instanceof StreamError error) {
            return ended(state, CloseReason.received(error))
                    .precededBy(new SessionOutput.CloseStream(Option.none()), new SessionOutput.CloseTransport());
        }
        if (input instanceof SessionInput.Terminate terminate) {
            return closeWith(state.context(), terminate.error(), fresh);
        }
        if (input instanceof SessionInput.Close) {
            return closeWith(state.context(), StreamError.of(StreamErrorCondition.SYSTEM_SHUTDOWN, "the server is closing this session"), fresh);
        }
        if (input instanceof SessionInput.TimerFired timer && !(state instanceof Ready)
                && (timer.key().equals(TimerKey.NEGOTIATION) || timer.key().equals(TimerKey.IDLE))) {
            return closeWith(state.context(), StreamError.of(StreamErrorCondition.CONNECTION_TIMEOUT,
                    timer.key().equals(TimerKey.NEGOTIATION) ? "stream negotiation took too long" : "no traffic for too long"), fresh);
        }
        if (state instanceof AwaitConnection s) {
            return onConnect(s, input);
        } else if (state instanceof ExpectTlsHandshake s) {
            return onTlsHandshake(s, input);
        } else if (state instanceof ExpectStreamHeader s) {
            return onHeader(s, input, fresh);
        } else if (state instanceof Ready s) {
            return ReadyServer.step(s, input, fresh);
        }
        return ServerNegotiation.step(state, input, fresh);
    }

    private static Step<ServerState, SessionOutput> onConnect(AwaitConnection s, SessionInput input) {
        if (!(input instanceof SessionInput.Connected connected)) {
            return Step.of(s);
        }
        SessionOutput timer = new SessionOutput.StartTimer(TimerKey.NEGOTIATION, s.context().config().negotiationTimeout());
        return Step.of(connected.directTls() ? new ExpectTlsHandshake(s.context()) : new ExpectStreamHeader(s.context()), timer);
    }

    private static Step<ServerState, SessionOutput> onTlsHandshake(ExpectTlsHandshake s, SessionInput input) {
        if (input instanceof SessionInput.TlsEstablished established) {
            return Step.of(new ExpectStreamHeader(s.context().secured(established.bindings(), established.certificateIdentities())),
                    new SessionOutput.RestartStream());
        }
        if (input instanceof SessionInput.TlsFailed failed) {
            return ended(s, CloseReason.orderly("TLS failed: " + failed.reason())).precededBy(new SessionOutput.CloseTransport());
        }
        return Step.of(s); // nothing else can arrive before the handshake completes
    }

    /**
     * The client's initial header (RFC 6120 §4.7): always answered with a response header, then
     * with an error if it is unacceptable (§4.9.1.2), otherwise with the features (§4.3.2).
     */
    private static Step<ServerState, SessionOutput> onHeader(ExpectStreamHeader s, SessionInput input, Fresh fresh) {
        if (!(input instanceof SessionInput.HeaderReceived received)) {
            return closeWith(s.context(), StreamError.of(StreamErrorCondition.BAD_FORMAT, "a stream must begin with a stream header"), fresh);
        }
        StreamHeader header = received.header();
        ServerConfig config = s.context().config();
        Option<StreamError> problem = headerProblem(header, config);
        if (problem.isDefined()) {
            return closeWith(s.context(), problem.get(), fresh);
        }
        ServerContext context = s.context().withHeaderSent(true);
        return Step.of((ServerState) new ServerState.ExpectFeatureChoice(context),
                new SessionOutput.SendHeader(responseHeader(config, header.from().filter(f -> f.local().isDefined()), fresh)),
                new SessionOutput.Send(ServerNegotiation.features(context)));
    }

    private static Option<StreamError> headerProblem(StreamHeader header, ServerConfig config) {
        if (!header.admits(Namespaces.CLIENT)) {
            return Option.some(StreamError.of(StreamErrorCondition.INVALID_NAMESPACE,
                    "this service accepts client streams in jabber:client (RFC 6120 §4.8.2)"));
        }
        if (header.version().isEmpty() || header.version().get().compareTo(StreamVersion.V1_0) < 0
                || header.version().get().major() > 1) {
            return Option.some(StreamError.of(StreamErrorCondition.UNSUPPORTED_VERSION,
                    "this service requires stream version 1.0 (RFC 6120 §4.7.5)"));
        }
        if (header.to().isDefined() && !header.to().get().equals(config.domain())) {
            return Option.some(StreamError.of(StreamErrorCondition.HOST_UNKNOWN,
                    "this service does not serve " + header.to().get() + " (RFC 6120 §4.9.3.6)"));
        }
        return Option.none();
    }

    /** A response header with a fresh stream id (RFC 6120 §4.7.3). */
    static StreamHeader responseHeader(ServerConfig config, Option<dev.starling.model.jid.Jid> to, Fresh fresh) {
        return StreamHeader.of(Namespaces.CLIENT).withFrom(Option.some(config.domain())).withTo(to)
                .withId(Option.some(fresh.token(0, 16))).withLang(Option.some("en"));
    }

    /**
     * Sends the stream error and closes the stream (RFC 6120 §4.9.1.1); if the response header was
     * not sent yet, it goes first (§4.9.1.2).
     */
    static Step<ServerState, SessionOutput> closeWith(ServerContext context, StreamError error, Fresh fresh) {
        Step<ServerState, SessionOutput> close = Step.of((ServerState) new Closing(context, true),
                new SessionOutput.CancelTimer(TimerKey.NEGOTIATION), new SessionOutput.CancelTimer(TimerKey.IDLE),
                new SessionOutput.CancelTimer(TimerKey.LIVENESS),
                new SessionOutput.CloseStream(Option.some(error)),
                new SessionOutput.StartTimer(TimerKey.CLOSING, context.config().closeTimeout()),
                notify(new SessionEvent.Ended(CloseReason.sent(error))));
        return context.headerSent() ? close
                : close.precededBy(new SessionOutput.SendHeader(responseHeader(context.config(), Option.none(), fresh)));
    }

    static Step<ServerState, SessionOutput> ended(ServerState state, CloseReason reason) {
        boolean reported = state instanceof Closing closing && closing.reported();
        Step<ServerState, SessionOutput> step = Step.of((ServerState) new Closed(state.context()),
                new SessionOutput.CancelTimer(TimerKey.NEGOTIATION), new SessionOutput.CancelTimer(TimerKey.IDLE),
                new SessionOutput.CancelTimer(TimerKey.LIVENESS),
                new SessionOutput.CancelTimer(TimerKey.CLOSING));
        return reported ? step : step.andThen(notify(new SessionEvent.Ended(reason)));
    }

    static SessionOutput notify(SessionEvent event) {
        return new SessionOutput.Notify(event);
    }
}
