package dev.starling.machine.stream.federation;

import dev.starling.machine.core.Step;
import dev.starling.machine.session.CloseReason;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.model.Bytes;
import dev.starling.model.Namespaces;
import dev.starling.model.sasl.SaslAuth;
import dev.starling.model.sasl.SaslFailure;
import dev.starling.model.sasl.SaslMechanisms;
import dev.starling.model.sasl.SaslSuccess;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import dev.starling.model.stream.StreamFeatures;
import dev.starling.model.stream.StreamHeader;
import dev.starling.model.stream.StreamVersion;
import dev.starling.model.tls.StartTls;
import dev.starling.model.tls.StartTlsFeature;
import dev.starling.model.tls.TlsFailure;
import dev.starling.model.tls.TlsProceed;
import io.vavr.collection.Queue;
import io.vavr.control.Option;

/**
 * The initiating server's negotiation, stage by stage (RFC 6120 §9.2 steps 1 to 12): header,
 * features, STARTTLS, the handshake, SASL EXTERNAL, the restart and the final empty features.
 * Without STARTTLS, or after TLS without EXTERNAL, there is no way to authenticate (Server
 * Dialback, XEP-0220, is not implemented), and the stream closes with policy-violation.
 */
final class OutboundNegotiation {

    private static final String EXTERNAL = "EXTERNAL";

    private OutboundNegotiation() {
    }

    static Step<OutboundState, SessionOutput> step(OutboundState state, SessionInput input) {
        OutboundContext context = state.context();
        if (state instanceof OutboundState.AwaitConnection && input instanceof SessionInput.Connected connected) {
            SessionOutput timer = new SessionOutput.StartTimer(TimerKey.NEGOTIATION, context.config().negotiationTimeout());
            return connected.directTls()
                    ? Step.of(new OutboundState.ExpectTlsHandshake(context), timer)
                    : Step.of(new OutboundState.ExpectStreamHeader(context), timer, openStream(context));
        }
        if (state instanceof OutboundState.ExpectTlsHandshake && input instanceof SessionInput.TlsEstablished) {
            OutboundContext secured = context.secured();
            return Step.of(new OutboundState.ExpectStreamHeader(secured), new SessionOutput.RestartStream(), openStream(secured));
        }
        if (state instanceof OutboundState.ExpectTlsHandshake && input instanceof SessionInput.TlsFailed failed) {
            return OutboundServerSession.ended(state, CloseReason.orderly("TLS failed: " + failed.reason()))
                    .precededBy(new SessionOutput.CloseTransport());
        }
        if (state instanceof OutboundState.ExpectStreamHeader && input instanceof SessionInput.HeaderReceived received) {
            return onHeader(context, received.header());
        }
        Object element = input instanceof SessionInput.Received received ? received.element() : null;
        if (state instanceof OutboundState.ExpectFeatures && element instanceof StreamFeatures features) {
            return onFeatures(context, features);
        }
        if (state instanceof OutboundState.ExpectTlsProceed && element instanceof TlsProceed) {
            return Step.of(new OutboundState.ExpectTlsHandshake(context), new SessionOutput.StartTls());
        }
        if (state instanceof OutboundState.ExpectTlsProceed && element instanceof TlsFailure) {
            // RFC 6120 §5.4.2.2: the peer closes the stream and the connection after <failure/>
            return OutboundServerSession.ended(state, CloseReason.orderly("the peer server refused STARTTLS"))
                    .precededBy(new SessionOutput.CloseTransport());
        }
        if (state instanceof OutboundState.ExpectSaslOutcome && element instanceof SaslSuccess) {
            OutboundContext authenticated = context.authenticatedNow();
            return Step.of(new OutboundState.ExpectStreamHeader(authenticated), new SessionOutput.RestartStream(), openStream(authenticated),
                    OutboundServerSession.notify(new SessionEvent.Authenticated(EXTERNAL, context.config().domain().toString())));
        }
        if (state instanceof OutboundState.ExpectSaslOutcome && element instanceof SaslFailure failure) {
            String text = failure.text().map(t -> t.text()).getOrElse("");
            return OutboundServerSession.closeOrderly(context, CloseReason.orderly("SASL EXTERNAL failed: " + failure.condition().wireName()))
                    .precededBy(OutboundServerSession.notify(new SessionEvent.AuthenticationFailed(EXTERNAL, failure.condition(), text)));
        }
        if (input instanceof SessionInput.Received || input instanceof SessionInput.ReceivedMalformed
                || input instanceof SessionInput.HeaderReceived) {
            return OutboundServerSession.closeWith(context, StreamError.of(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                    state instanceof OutboundState.Ready
                            ? "this stream carries stanzas to the peer only (RFC 6120 §4.1)"
                            : "unexpected " + describe(input) + " while in " + state.getClass().getSimpleName()));
        }
        return Step.of(state); // timers and commands that do not concern this stage
    }

    /** The initial header, from this domain to the peer's, in jabber:server (RFC 6120 §4.7.1, §4.7.2, §4.8.2). */
    private static SessionOutput openStream(OutboundContext context) {
        return new SessionOutput.SendHeader(StreamHeader.of(Namespaces.SERVER)
                .withFrom(Option.some(context.config().domain())).withTo(Option.some(context.peer())));
    }

    private static Step<OutboundState, SessionOutput> onHeader(OutboundContext context, StreamHeader header) {
        if (!header.admits(Namespaces.SERVER)) {
            return OutboundServerSession.closeWith(context, StreamError.of(StreamErrorCondition.INVALID_NAMESPACE,
                    "a server-to-server stream carries jabber:server (RFC 6120 §4.8.2)"));
        }
        if (header.version().isEmpty() || header.version().get().compareTo(StreamVersion.V1_0) < 0) {
            return OutboundServerSession.closeWith(context, StreamError.of(StreamErrorCondition.UNSUPPORTED_VERSION,
                    "the peer server must support stream version 1.0 (RFC 6120 §4.7.5)"));
        }
        return Step.of(new OutboundState.ExpectFeatures(context));
    }

    private static Step<OutboundState, SessionOutput> onFeatures(OutboundContext context, StreamFeatures features) {
        if (context.authenticated()) {
            Step<OutboundState, SessionOutput> ready = Step.of(new OutboundState.Ready(context.withQueued(Queue.empty())),
                    new SessionOutput.CancelTimer(TimerKey.NEGOTIATION),
                    OutboundServerSession.notify(new SessionEvent.FederationReady(context.peer())));
            return ready.andThen(context.queued().map(stanza -> (SessionOutput) new SessionOutput.Send(stanza)).toJavaArray(SessionOutput[]::new));
        }
        if (!context.tls()) {
            return features.feature(StartTlsFeature.class).isDefined()
                    ? Step.of(new OutboundState.ExpectTlsProceed(context), new SessionOutput.Send(new StartTls()))
                    : OutboundServerSession.closeWith(context, StreamError.of(StreamErrorCondition.POLICY_VIOLATION,
                            "the peer offers no STARTTLS, and this server federates over TLS only"));
        }
        boolean external = features.feature(SaslMechanisms.class).exists(m -> m.names().contains(EXTERNAL));
        return external
                ? Step.of(new OutboundState.ExpectSaslOutcome(context),
                        new SessionOutput.Send(new SaslAuth(EXTERNAL, Option.some(Bytes.empty()))))
                : OutboundServerSession.closeWith(context, StreamError.of(StreamErrorCondition.POLICY_VIOLATION,
                        "the peer does not offer SASL EXTERNAL for this server's certificate, and Server Dialback (XEP-0220) is not supported"));
    }

    /** The same state with a new context. */
    static OutboundState with(OutboundState state, OutboundContext context) {
        if (state instanceof OutboundState.AwaitConnection) {
            return new OutboundState.AwaitConnection(context);
        } else if (state instanceof OutboundState.ExpectTlsHandshake) {
            return new OutboundState.ExpectTlsHandshake(context);
        } else if (state instanceof OutboundState.ExpectStreamHeader) {
            return new OutboundState.ExpectStreamHeader(context);
        } else if (state instanceof OutboundState.ExpectFeatures) {
            return new OutboundState.ExpectFeatures(context);
        } else if (state instanceof OutboundState.ExpectTlsProceed) {
            return new OutboundState.ExpectTlsProceed(context);
        } else if (state instanceof OutboundState.ExpectSaslOutcome) {
            return new OutboundState.ExpectSaslOutcome(context);
        }
        throw new IllegalArgumentException("no stanzas wait in " + state);
    }

    private static String describe(SessionInput input) {
        return input instanceof SessionInput.Received received ? received.element().getClass().getSimpleName()
                : input.getClass().getSimpleName();
    }
}
