package dev.starling.machine.stream.federation;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.CloseReason;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.machine.stream.federation.InboundState.AwaitConnection;
import dev.starling.machine.stream.federation.InboundState.Closed;
import dev.starling.machine.stream.federation.InboundState.Closing;
import dev.starling.machine.stream.federation.InboundState.ExpectStreamHeader;
import dev.starling.machine.stream.federation.InboundState.ExpectTlsHandshake;
import dev.starling.model.Namespaces;
import dev.starling.model.jid.Jid;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import dev.starling.model.stream.StreamFeatures;
import dev.starling.model.stream.StreamHeader;
import dev.starling.model.stream.StreamVersion;
import io.vavr.control.Option;

/**
 * The receiving server's side of a server-to-server stream, RFC 6120 §9.2 (Server2): answer the
 * initial header (§4.7) and require STARTTLS (§5.3.1, §5.4); after TLS, offer SASL EXTERNAL to a
 * peer that presented a certificate (XEP-0178 §4 step 9), and accept it when the certificate
 * identifies the domain the header claims and the authorization identity is empty or that
 * domain (step 10; otherwise {@code <not-authorized/>} and the stream closes); restart with empty
 * features (§4.3.3); then take stanzas whose 'to' is this server and whose 'from' is the
 * authenticated peer (§8.1.1.2, §8.1.2.2: improper-addressing, host-unknown, invalid-from) and
 * route them. The stream is unidirectional (§4.1): nothing but negotiation and errors goes back.
 * A pure machine.
 */
public final class InboundServerSession {

    private InboundServerSession() {
    }

    /** The state before the connection is accepted. */
    public static InboundState initial(FederationConfig config) {
        return new AwaitConnection(InboundContext.start(config));
    }

    /** Feeds one input to the machine. */
    public static Step<InboundState, SessionOutput> step(InboundState state, SessionInput input, Fresh fresh) {
        if (state instanceof Closed) {
            return Step.of(state);
        }
        if (input instanceof SessionInput.TransportClosed) {
            return ended(state, CloseReason.orderly(state instanceof Closing ? "stream closed" : "the peer server disconnected"));
        }
        if (input instanceof SessionInput.TimerFired timer && timer.key().equals(TimerKey.CLOSING)) {
            return ended(state, CloseReason.orderly("the peer server did not close its stream in time"))
                    .precededBy(new SessionOutput.CloseTransport());
        }
        if (state instanceof Closing) {
            return input instanceof SessionInput.PeerClosedStream
                    ? ended(state, CloseReason.orderly("stream closed")).precededBy(new SessionOutput.CloseTransport())
                    : Step.of(state);
        }
        if (input instanceof SessionInput.PeerClosedStream) {
            return ended(state, CloseReason.orderly("the peer server closed the stream"))
                    .precededBy(new SessionOutput.CloseStream(Option.none()), new SessionOutput.CloseTransport());
        }
        if (input instanceof SessionInput.Received received && received.element() instanceof StreamError error) {
            return ended(state, CloseReason.received(error))
                    .precededBy(new SessionOutput.CloseStream(Option.none()), new SessionOutput.CloseTransport());
        }
        if (input instanceof SessionInput.InputFailed failed) {
            return closeWith(state.context(), failed.error(), fresh);
        }
        if (input instanceof SessionInput.Terminate terminate) {
            return closeWith(state.context(), terminate.error(), fresh);
        }
        if (input instanceof SessionInput.Close) {
            return closeWith(state.context(), StreamError.of(StreamErrorCondition.SYSTEM_SHUTDOWN, "the server is closing this stream"), fresh);
        }
        if (input instanceof SessionInput.TimerFired timer && timer.key().equals(TimerKey.NEGOTIATION)
                && !(state instanceof InboundState.Ready)) {
            return closeWith(state.context(), StreamError.of(StreamErrorCondition.CONNECTION_TIMEOUT, "stream negotiation took too long"), fresh);
        }
        if (state instanceof AwaitConnection s) {
            return input instanceof SessionInput.Connected connected
                    ? Step.of(connected.directTls() ? new ExpectTlsHandshake(s.context()) : new ExpectStreamHeader(s.context()),
                            new SessionOutput.StartTimer(TimerKey.NEGOTIATION, s.context().config().negotiationTimeout()))
                    : Step.of(s);
        } else if (state instanceof ExpectTlsHandshake s) {
            return onTlsHandshake(s, input);
        } else if (state instanceof ExpectStreamHeader s) {
            return onHeader(s, input, fresh);
        }
        return InboundNegotiation.step(state, input, fresh);
    }

    private static Step<InboundState, SessionOutput> onTlsHandshake(ExpectTlsHandshake s, SessionInput input) {
        if (input instanceof SessionInput.TlsEstablished established) {
            return Step.of(new ExpectStreamHeader(s.context().secured(established.certificateIdentities())),
                    new SessionOutput.RestartStream());
        }
        if (input instanceof SessionInput.TlsFailed failed) {
            return ended(s, CloseReason.orderly("TLS failed: " + failed.reason())).precededBy(new SessionOutput.CloseTransport());
        }
        return Step.of(s);
    }

    /**
     * The initial header (RFC 6120 §4.7): answered with a response header whose 'to' is the
     * peer's 'from' (§4.7.2), then with an error if it is unacceptable, else with the features
     * of this stage.
     */
    private static Step<InboundState, SessionOutput> onHeader(ExpectStreamHeader s, SessionInput input, Fresh fresh) {
        if (!(input instanceof SessionInput.HeaderReceived received)) {
            return closeWith(s.context(), StreamError.of(StreamErrorCondition.BAD_FORMAT, "a stream must begin with a stream header"), fresh);
        }
        StreamHeader header = received.header();
        InboundContext context = s.context().opened(header.from().filter(Jid::isDomain));
        SessionOutput response = new SessionOutput.SendHeader(responseHeader(context, fresh));
        Option<StreamError> problem = headerProblem(header, context);
        if (problem.isDefined()) {
            return closeWith(context, problem.get(), fresh).precededBy(response);
        }
        if (!context.tls()) {
            return Step.of(new InboundState.ExpectStartTls(context), response,
                    new SessionOutput.Send(StreamFeatures.of(new dev.starling.model.tls.StartTlsFeature(true))));
        }
        Jid claimed = context.claimed().get();
        if (context.authenticated().isDefined()) {
            return Step.of(new InboundState.Ready(context, claimed), response, new SessionOutput.Send(StreamFeatures.of()),
                    new SessionOutput.CancelTimer(TimerKey.NEGOTIATION), notify(new SessionEvent.FederationReady(claimed)));
        }
        if (context.certificateIdentities().isEmpty()) {
            return closeWith(context, StreamError.of(StreamErrorCondition.NOT_AUTHORIZED, "present a certificate for " + claimed
                    + ": this server authenticates peers with SASL EXTERNAL only, not Server Dialback (XEP-0178 §4, XEP-0220)"), fresh)
                    .precededBy(response);
        }
        return Step.of(new InboundState.ExpectAuth(context), response,
                new SessionOutput.Send(StreamFeatures.of(new dev.starling.model.sasl.SaslMechanisms(io.vavr.collection.Array.of("EXTERNAL")))));
    }

    private static Option<StreamError> headerProblem(StreamHeader header, InboundContext context) {
        if (!header.admits(Namespaces.SERVER)) {
            return Option.some(StreamError.of(StreamErrorCondition.INVALID_NAMESPACE,
                    "a server-to-server stream carries jabber:server (RFC 6120 §4.8.2)"));
        }
        if (header.version().isEmpty() || header.version().get().compareTo(StreamVersion.V1_0) < 0 || header.version().get().major() > 1) {
            return Option.some(StreamError.of(StreamErrorCondition.UNSUPPORTED_VERSION, "this server requires stream version 1.0 (RFC 6120 §4.7.5)"));
        }
        if (header.to().isEmpty() || !header.to().get().equals(context.config().domain())) {
            return Option.some(StreamError.of(StreamErrorCondition.HOST_UNKNOWN,
                    "this server is " + context.config().domain() + " (RFC 6120 §4.7.2, §4.9.3.6)"));
        }
        if (context.tls() && context.claimed().isEmpty()) {
            return Option.some(StreamError.of(StreamErrorCondition.INVALID_FROM,
                    "after TLS a server must name its domain in 'from' (RFC 6120 §4.7.1)"));
        }
        if (context.authenticated().isDefined() && !context.authenticated().equals(context.claimed())) {
            return Option.some(StreamError.of(StreamErrorCondition.INVALID_FROM,
                    "this stream authenticated " + context.authenticated().get() + " (RFC 6120 §4.9.3.9)"));
        }
        return Option.none();
    }

    /** A response header with a fresh stream id (RFC 6120 §4.7.3), 'to' the claimed domain (§4.7.2). */
    private static StreamHeader responseHeader(InboundContext context, Fresh fresh) {
        return StreamHeader.of(Namespaces.SERVER).withFrom(Option.some(context.config().domain())).withTo(context.claimed())
                .withId(Option.some(fresh.token(0, 16)));
    }

    /** Sends the stream error (after a response header if none was sent, §4.9.1.2) and closes the stream (§4.9.1.1). */
    static Step<InboundState, SessionOutput> closeWith(InboundContext context, StreamError error, Fresh fresh) {
        Step<InboundState, SessionOutput> close = Step.of((InboundState) new Closing(context, true),
                new SessionOutput.CancelTimer(TimerKey.NEGOTIATION), new SessionOutput.CloseStream(Option.some(error)),
                new SessionOutput.StartTimer(TimerKey.CLOSING, context.config().closeTimeout()),
                notify(new SessionEvent.Ended(CloseReason.sent(error))));
        return context.headerSent() ? close : close.precededBy(new SessionOutput.SendHeader(responseHeader(context, fresh)));
    }

    /** Closes the stream without an error and waits for the peer's close (RFC 6120 §4.4). */
    static Step<InboundState, SessionOutput> closeOrderly(InboundContext context, CloseReason reason) {
        return Step.of((InboundState) new Closing(context, true), new SessionOutput.CancelTimer(TimerKey.NEGOTIATION),
                new SessionOutput.CloseStream(Option.none()),
                new SessionOutput.StartTimer(TimerKey.CLOSING, context.config().closeTimeout()), notify(new SessionEvent.Ended(reason)));
    }

    static Step<InboundState, SessionOutput> ended(InboundState state, CloseReason reason) {
        boolean reported = state instanceof Closing closing && closing.reported();
        Step<InboundState, SessionOutput> step = Step.of((InboundState) new Closed(state.context()),
                new SessionOutput.CancelTimer(TimerKey.NEGOTIATION), new SessionOutput.CancelTimer(TimerKey.CLOSING));
        return reported ? step : step.andThen(notify(new SessionEvent.Ended(reason)));
    }

    static SessionOutput notify(SessionEvent event) {
        return new SessionOutput.Notify(event);
    }
}
