package dev.starling.machine.stream.client;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.CloseReason;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.machine.stream.client.ClientState.AwaitConnection;
import dev.starling.machine.stream.client.ClientState.Closed;
import dev.starling.machine.stream.client.ClientState.Closing;
import dev.starling.machine.stream.client.ClientState.ExpectFeatures;
import dev.starling.machine.stream.client.ClientState.ExpectStreamHeader;
import dev.starling.machine.stream.client.ClientState.ExpectTlsHandshake;
import dev.starling.machine.stream.client.ClientState.ExpectTlsProceed;
import dev.starling.machine.stream.client.ClientState.Ready;
import dev.starling.model.Namespaces;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import dev.starling.model.stream.StreamHeader;
import dev.starling.model.stream.StreamVersion;
import dev.starling.model.tls.TlsFailure;
import dev.starling.model.tls.TlsProceed;
import io.vavr.control.Option;

/**
 * The client side of an XML stream, RFC 6120 §4 to §9.1: open the stream (§4.2), read the
 * features (§4.3.2), negotiate STARTTLS (§5.4), SASL (§6.4) and resource binding (§7) with the
 * stream restarts they require (§4.3.3), then exchange stanzas until either side closes
 * (§4.4) or sends a stream error (§4.9). XEP-0368 direct TLS starts with the handshake instead.
 * When configured, the client registers first (XEP-0077) or logs in without SASL (XEP-0078).
 * A pure machine: {@code step(state, input, fresh)} returns the next state and the outputs.
 */
public final class ClientSession {

    private ClientSession() {
    }

    /** The state before the connection opens. */
    public static ClientState initial(ClientConfig config) {
        return new AwaitConnection(ClientContext.start(config));
    }

    /** Feeds one input to the machine. */
    public static Step<ClientState, SessionOutput> step(ClientState state, SessionInput input, Fresh fresh) {
        if (state instanceof Closed) {
            return Step.of(state);
        }
        if (input instanceof SessionInput.TransportClosed) {
            return ended(state, state instanceof Closing
                    ? CloseReason.orderly("stream closed")
                    : CloseReason.orderly("the connection was closed by the peer"));
        }
        if (input instanceof SessionInput.TimerFired timer && timer.key().equals(TimerKey.CLOSING)) {
            return ended(state, CloseReason.orderly("the server did not close its stream in time")).precededBy(new SessionOutput.CloseTransport());
        }
        if (input instanceof SessionInput.InputFailed failed) {
            return state instanceof Closing
                    ? ended(state, CloseReason.sent(failed.error())).precededBy(new SessionOutput.CloseTransport())
                    : closeWith(state.context(), failed.error());
        }
        if (input instanceof SessionInput.PeerClosedStream) {
            return peerClosed(state);
        }
        if (input instanceof SessionInput.Received received && received.element() instanceof StreamError error) {
            Step<ClientState, SessionOutput> end = ended(state, CloseReason.received(error));
            return state instanceof Closing
                    ? end.precededBy(new SessionOutput.CloseTransport())
                    : end.precededBy(new SessionOutput.CloseStream(Option.none()), new SessionOutput.CloseTransport());
        }
        if (state instanceof Closing) {
            return Step.of(state); // only the server's close, the closing timer or the transport matter now
        }
        if (input instanceof SessionInput.Close) {
            return closeOrderly(state.context());
        }
        if (input instanceof SessionInput.TimerFired timer && timer.key().equals(TimerKey.NEGOTIATION) && !(state instanceof Ready)) {
            return closeWith(state.context(), StreamError.of(StreamErrorCondition.CONNECTION_TIMEOUT, "stream negotiation took too long"));
        }
        if (state instanceof AwaitConnection s) {
            return onConnect(s, input);
        } else if (state instanceof ExpectTlsHandshake s) {
            return onTlsHandshake(s, input);
        } else if (state instanceof ExpectStreamHeader s) {
            return onHeader(s, input, fresh);
        } else if (state instanceof ExpectFeatures s) {
            return ClientFeatures.onFeatures(s, input, fresh);
        } else if (state instanceof ExpectTlsProceed s) {
            return onProceed(s, input);
        } else if (state instanceof ClientState.ExpectSaslOutcome s) {
            return ClientSasl.onOutcome(s, input, fresh);
        } else if (state instanceof ClientState.ExpectBindResult s) {
            return ClientBinding.onBindResult(s, input, fresh);
        } else if (state instanceof ClientState.ExpectSessionResult s) {
            return ClientBinding.onSessionResult(s, input);
        } else if (state instanceof ClientState.ExpectRegistrationForm s) {
            return ClientRegistration.onForm(s, input, fresh);
        } else if (state instanceof ClientState.ExpectRegistrationResult s) {
            return ClientRegistration.onResult(s, input, fresh);
        } else if (state instanceof ClientState.ExpectLegacyAuthFields s) {
            return ClientLegacyAuth.onFields(s, input, fresh);
        } else if (state instanceof ClientState.ExpectLegacyAuthResult s) {
            return ClientLegacyAuth.onResult(s, input);
        } else if (state instanceof Ready s) {
            return ReadyClient.step(s, input, fresh);
        }
        throw new IllegalStateException("unknown state " + state);
    }

    private static Step<ClientState, SessionOutput> onConnect(AwaitConnection s, SessionInput input) {
        if (!(input instanceof SessionInput.Connected connected)) {
            return unexpected(s, input);
        }
        SessionOutput timer = new SessionOutput.StartTimer(TimerKey.NEGOTIATION, s.context().config().negotiationTimeout());
        if (connected.directTls()) {
            return Step.of(new ExpectTlsHandshake(s.context()), timer);
        }
        return Step.of(new ExpectStreamHeader(s.context()), timer, openStream(s.context()));
    }

    private static Step<ClientState, SessionOutput> onTlsHandshake(ExpectTlsHandshake s, SessionInput input) {
        if (input instanceof SessionInput.TlsFailed failed) {
            return ended(s, CloseReason.orderly("TLS failed: " + failed.reason())).precededBy(new SessionOutput.CloseTransport());
        }
        if (!(input instanceof SessionInput.TlsEstablished established)) {
            return unexpected(s, input);
        }
        ClientContext secured = s.context().secured(established.bindings());
        return Step.of(new ExpectStreamHeader(secured), new SessionOutput.RestartStream(), openStream(secured),
                notify(new SessionEvent.TlsSecured(established.bindings().map(b -> b.type()))));
    }

    /** The initial stream header (RFC 6120 §4.7): 'from' once the stream is encrypted, or earlier if configured (§4.7.1). */
    static SessionOutput openStream(ClientContext context) {
        ClientConfig config = context.config();
        StreamHeader header = StreamHeader.of(Namespaces.CLIENT)
                .withTo(Option.some(config.jid().domainJid()))
                .withFrom(context.tls() || config.announceIdentityBeforeTls() ? Option.some(config.jid().bare()) : Option.none())
                .withLang(Option.some(config.lang()));
        return new SessionOutput.SendHeader(header);
    }

    private static Step<ClientState, SessionOutput> onHeader(ExpectStreamHeader s, SessionInput input, Fresh fresh) {
        if (!(input instanceof SessionInput.HeaderReceived received)) {
            return unexpected(s, input);
        }
        StreamHeader header = received.header();
        if (!header.admits(Namespaces.CLIENT)) {
            return closeWith(s.context(), StreamError.of(StreamErrorCondition.INVALID_NAMESPACE,
                    "the content namespace must be jabber:client (RFC 6120 §4.8.2)"));
        }
        if (header.version().isEmpty() && s.context().config().legacyAuth()) {
            // a pre-XMPP-1.0 server sends no features: log in with XEP-0078 straight away
            return tlsMissing(s.context())
                    ? closeWith(s.context(), StreamError.of(StreamErrorCondition.POLICY_VIOLATION,
                            "a pre-1.0 stream has no STARTTLS and this client requires TLS"))
                    : ClientLegacyAuth.start(s.context(), header.id().getOrElse(""), fresh);
        }
        if (header.version().isEmpty() || header.version().get().compareTo(StreamVersion.V1_0) < 0) {
            return closeWith(s.context(), StreamError.of(StreamErrorCondition.UNSUPPORTED_VERSION,
                    "the server must support stream version 1.0 (RFC 6120 §4.7.5)"));
        }
        return Step.of(new ExpectFeatures(s.context(), header.id().getOrElse("")));
    }

    private static Step<ClientState, SessionOutput> onProceed(ExpectTlsProceed s, SessionInput input) {
        if (input instanceof SessionInput.Received received && received.element() instanceof TlsProceed) {
            return Step.of(new ExpectTlsHandshake(s.context()), new SessionOutput.StartTls());
        }
        if (input instanceof SessionInput.Received received && received.element() instanceof TlsFailure) {
            // RFC 6120 §5.4.2.2: the server closes the stream and the connection after <failure/>
            return ended(s, CloseReason.orderly("the server refused STARTTLS")).precededBy(new SessionOutput.CloseTransport());
        }
        return unexpected(s, input);
    }

    private static Step<ClientState, SessionOutput> peerClosed(ClientState state) {
        if (state instanceof Closing) {
            return ended(state, CloseReason.orderly("stream closed")).precededBy(new SessionOutput.CloseTransport());
        }
        return ended(state, CloseReason.orderly("the server closed the stream"))
                .precededBy(new SessionOutput.CloseStream(Option.none()), new SessionOutput.CloseTransport());
    }

    /** Anything the current state does not expect: the server broke the protocol. */
    static Step<ClientState, SessionOutput> unexpected(ClientState state, SessionInput input) {
        return closeWith(state.context(), StreamError.of(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                "unexpected " + describe(input) + " while in " + state.getClass().getSimpleName()));
    }

    private static String describe(SessionInput input) {
        if (input instanceof SessionInput.Received received) {
            return received.element().getClass().getSimpleName();
        }
        return input.getClass().getSimpleName();
    }

    /** Sends a stream error, closes the stream and waits for the server's close (RFC 6120 §4.9.1.1). */
    static Step<ClientState, SessionOutput> closeWith(ClientContext context, StreamError error) {
        return Step.of(new Closing(context, true), new SessionOutput.CancelTimer(TimerKey.NEGOTIATION),
                new SessionOutput.CloseStream(Option.some(error)),
                new SessionOutput.StartTimer(TimerKey.CLOSING, context.config().closeTimeout()),
                notify(new SessionEvent.Ended(CloseReason.sent(error))));
    }

    /** Closes the stream without error and waits for the server's close (RFC 6120 §4.4). */
    static Step<ClientState, SessionOutput> closeOrderly(ClientContext context) {
        return Step.of(new Closing(context, false), new SessionOutput.CancelTimer(TimerKey.NEGOTIATION),
                new SessionOutput.CancelTimer(TimerKey.KEEPALIVE), new SessionOutput.CloseStream(Option.none()),
                new SessionOutput.StartTimer(TimerKey.CLOSING, context.config().closeTimeout()));
    }

    private static Step<ClientState, SessionOutput> ended(ClientState state, CloseReason reason) {
        boolean alreadyReported = state instanceof Closing closing && closing.reported();
        return alreadyReported
                ? Step.of(new Closed(state.context()), new SessionOutput.CancelTimer(TimerKey.CLOSING))
                : Step.of(new Closed(state.context()), new SessionOutput.CancelTimer(TimerKey.NEGOTIATION),
                        new SessionOutput.CancelTimer(TimerKey.KEEPALIVE), notify(new SessionEvent.Ended(reason)));
    }

    static SessionOutput notify(SessionEvent event) {
        return new SessionOutput.Notify(event);
    }

    /** Whether the policy forbids continuing without TLS. */
    static boolean tlsMissing(ClientContext context) {
        return !context.tls() && context.config().tls() == TlsPolicy.REQUIRED;
    }
}
