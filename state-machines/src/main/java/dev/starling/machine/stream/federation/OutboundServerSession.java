package dev.starling.machine.stream.federation;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.CloseReason;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.machine.stream.federation.OutboundState.Closed;
import dev.starling.machine.stream.federation.OutboundState.Closing;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import io.vavr.collection.Queue;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * The initiating server's side of a server-to-server stream, RFC 6120 §9.2 (Server1): open the
 * stream from this domain to the peer's (§4.7), negotiate STARTTLS (§5.4), authenticate with
 * SASL EXTERNAL and the empty response {@code =} (§6.4.2, XEP-0178 §4 step 10), restart
 * (§4.3.3), then send the stanzas it holds and every later one, until it closes (§4.4).
 * Stanzas that arrive before negotiation ends wait in a bounded queue; when the stream fails
 * they go back to their senders as remote-server-not-found, or remote-server-timeout when the
 * peer was too slow (§8.3.3.15, §8.3.3.16), so none is lost without a word. A pure machine.
 */
public final class OutboundServerSession {

    private OutboundServerSession() {
    }

    /** The state before the connection to {@code peer} opens. */
    public static OutboundState initial(FederationConfig config, Jid peer) {
        return new OutboundState.AwaitConnection(OutboundContext.start(config, peer));
    }

    /** Feeds one input to the machine. */
    public static Step<OutboundState, SessionOutput> step(OutboundState state, SessionInput input, Fresh fresh) {
        if (input instanceof SessionInput.Deliver deliver) {
            return onStanza(state, deliver.stanza());
        }
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
            boolean over = input instanceof SessionInput.PeerClosedStream
                    || input instanceof SessionInput.Received received && received.element() instanceof StreamError;
            return over ? ended(state, CloseReason.orderly("stream closed")).precededBy(new SessionOutput.CloseTransport()) : Step.of(state);
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
            return closeWith(state.context(), failed.error());
        }
        if (input instanceof SessionInput.Terminate terminate) {
            return closeWith(state.context(), terminate.error());
        }
        if (input instanceof SessionInput.Close) {
            return closeOrderly(state.context(), CloseReason.orderly("this server closed the stream"));
        }
        if (input instanceof SessionInput.TimerFired timer && timer.key().equals(TimerKey.NEGOTIATION)
                && !(state instanceof OutboundState.Ready)) {
            Step<OutboundState, SessionOutput> timeout = closeWith(state.context().withQueued(Queue.empty()),
                    StreamError.of(StreamErrorCondition.CONNECTION_TIMEOUT, "stream negotiation took too long"));
            return timeout.precededBy(bounces(state.context().queued(), StanzaErrorCondition.REMOTE_SERVER_TIMEOUT).toJavaArray(SessionOutput[]::new));
        }
        return OutboundNegotiation.step(state, input);
    }

    /** A stanza for the peer: sent when ready, queued while negotiating (up to the limit), answered with an error otherwise. */
    private static Step<OutboundState, SessionOutput> onStanza(OutboundState state, Stanza stanza) {
        if (state instanceof OutboundState.Ready) {
            return Step.of(state, new SessionOutput.Send(stanza));
        }
        if (state instanceof Closing || state instanceof Closed) {
            return Step.of(state, bounces(Queue.of(stanza), StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND));
        }
        OutboundContext context = state.context();
        if (context.queued().size() >= context.config().maxQueued()) {
            return Step.of(state, bounces(Queue.of(stanza), StanzaErrorCondition.RESOURCE_CONSTRAINT));
        }
        return Step.of(OutboundNegotiation.with(state, context.withQueued(context.queued().append(stanza))));
    }

    /** The error replies to stanzas this stream will not carry (none for errors and IQ responses, RFC 6120 §8.3.1). */
    static Seq<SessionOutput> bounces(Queue<Stanza> stanzas, StanzaErrorCondition condition) {
        return stanzas.flatMap(stanza -> StanzaReplies.error(stanza, StanzaError.of(condition)))
                .map(reply -> (SessionOutput) new SessionOutput.Route(reply));
    }

    /** Sends a stream error, closes the stream and waits for the peer's close (RFC 6120 §4.9.1.1). */
    static Step<OutboundState, SessionOutput> closeWith(OutboundContext context, StreamError error) {
        return Step.of((OutboundState) new Closing(context.withQueued(Queue.empty()), true),
                new SessionOutput.CancelTimer(TimerKey.NEGOTIATION), new SessionOutput.CloseStream(Option.some(error)),
                new SessionOutput.StartTimer(TimerKey.CLOSING, context.config().closeTimeout()),
                notify(new SessionEvent.Ended(CloseReason.sent(error))))
                .andThen(bounces(context.queued(), StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND).toJavaArray(SessionOutput[]::new));
    }

    /** Closes the stream without an error and waits for the peer's close (RFC 6120 §4.4). */
    static Step<OutboundState, SessionOutput> closeOrderly(OutboundContext context, CloseReason reason) {
        return Step.of((OutboundState) new Closing(context.withQueued(Queue.empty()), true),
                new SessionOutput.CancelTimer(TimerKey.NEGOTIATION), new SessionOutput.CloseStream(Option.none()),
                new SessionOutput.StartTimer(TimerKey.CLOSING, context.config().closeTimeout()), notify(new SessionEvent.Ended(reason)))
                .andThen(bounces(context.queued(), StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND).toJavaArray(SessionOutput[]::new));
    }

    static Step<OutboundState, SessionOutput> ended(OutboundState state, CloseReason reason) {
        boolean reported = state instanceof Closing closing && closing.reported();
        Step<OutboundState, SessionOutput> step = Step.of((OutboundState) new Closed(state.context().withQueued(Queue.empty())),
                new SessionOutput.CancelTimer(TimerKey.NEGOTIATION), new SessionOutput.CancelTimer(TimerKey.CLOSING));
        return (reported ? step : step.andThen(notify(new SessionEvent.Ended(reason))))
                .andThen(bounces(state.context().queued(), StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND).toJavaArray(SessionOutput[]::new));
    }

    static SessionOutput notify(SessionEvent event) {
        return new SessionOutput.Notify(event);
    }
}
