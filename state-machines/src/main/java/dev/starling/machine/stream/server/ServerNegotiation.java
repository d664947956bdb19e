package dev.starling.machine.stream.server;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.sasl.SaslServer;
import dev.starling.machine.sasl.SaslServers;
import dev.starling.machine.sasl.ServerStep;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.model.Extension;
import dev.starling.model.LocalizedText;
import dev.starling.model.Namespaces;
import dev.starling.model.bind.BindFeature;
import dev.starling.model.bind.SessionFeature;
import dev.starling.model.sasl.ChannelBindingTypes;
import dev.starling.model.sasl.SaslAbort;
import dev.starling.model.sasl.SaslAuth;
import dev.starling.model.sasl.SaslChallenge;
import dev.starling.model.sasl.SaslFailure;
import dev.starling.model.sasl.SaslFailureCondition;
import dev.starling.model.sasl.SaslMechanisms;
import dev.starling.model.sasl.SaslResponse;
import dev.starling.model.sasl.SaslSuccess;
import dev.starling.model.legacyauth.IqAuth;
import dev.starling.model.legacyauth.IqAuthFeature;
import dev.starling.model.register.Register;
import dev.starling.model.register.RegisterFeature;
import dev.starling.model.roster.PreApprovalFeature;
import dev.starling.model.roster.RosterVersioningFeature;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import dev.starling.model.stream.StreamFeatures;
import dev.starling.model.tls.StartTls;
import dev.starling.model.tls.StartTlsFeature;
import dev.starling.model.tls.TlsFailure;
import dev.starling.model.tls.TlsProceed;
import io.vavr.collection.Array;
import io.vavr.control.Option;

/**
 * Feature negotiation on the server: which features to offer at each stage (RFC 6120 §4.3.2,
 * §5.3.1 STARTTLS first, §6.3.1 SASL next with the XEP-0440 channel-binding types beside it,
 * §7.3.1 binding last), STARTTLS (§5.4.2), the SASL
 * exchange with its retry limit (§6.4, §6.4.5) and the refusal of stanzas before negotiation ends
 * (§4.3.5: not-authorized), except the XEP-0077 registration and XEP-0078 login requests, which
 * belong before authentication (their features are offered once passwords may travel).
 */
final class ServerNegotiation {

    private ServerNegotiation() {
    }

    /** The features to offer for the stream's current stage. */
    static StreamFeatures features(ServerContext context) {
        ServerConfig config = context.config();
        if (context.identity().isDefined()) {
            // RFC 6121 §2.6.1 and §3.4.1: the account entity versions rosters and keeps pre-approvals
            return StreamFeatures.of(new BindFeature(), new SessionFeature(true), new RosterVersioningFeature(), new PreApprovalFeature());
        }
        Array<Extension> offered = Array.empty();
        if (!context.tls() && config.tls() != TlsPolicy.DISABLED) {
            offered = offered.append(new StartTlsFeature(config.tls() == TlsPolicy.REQUIRED));
            if (config.tls() == TlsPolicy.REQUIRED) {
                return new StreamFeatures(offered); // nothing else until TLS is negotiated (RFC 6120 §5.3.1)
            }
        }
        var mechanisms = SaslServers.advertised(config.sasl(), context.tls(), context.bindings().headOption(),
                !context.certificateIdentities().isEmpty());
        if (!mechanisms.isEmpty()) {
            offered = offered.append(new SaslMechanisms(mechanisms)); // one <mechanism/> per offered mechanism, so none means no element (RFC 6120 §6.4.1)
        }
        if (!context.bindings().isEmpty()) {
            offered = offered.append(new ChannelBindingTypes(context.bindings().map(b -> b.type()))); // XEP-0440 §3
        }
        if (config.passwordsAllowed(context) && config.registration().registration()) {
            offered = offered.append(new RegisterFeature()); // XEP-0077 §6
        }
        if (config.passwordsAllowed(context) && config.legacyAuth()) {
            offered = offered.append(new IqAuthFeature()); // XEP-0078 §3
        }
        return new StreamFeatures(offered);
    }

    static Step<ServerState, SessionOutput> step(ServerState state, SessionInput input, Fresh fresh) {
        if (state instanceof ServerState.ExpectFeatureChoice s) {
            return onChoice(s, input, fresh);
        } else if (state instanceof ServerState.ExpectSaslResponse s) {
            return onSaslResponse(s, input, fresh);
        } else if (state instanceof ServerState.AwaitCredentials s) {
            if (input instanceof SessionInput.CredentialsLoaded loaded) {
                return onSaslStep(s.context(), s.sasl(), s.sasl().onCredentials(loaded.credentials()), fresh);
            }
            return refuse(s.context(), input, fresh);
        } else if (state instanceof ServerState.AwaitBindDecision s) {
            return ServerBinding.onDecision(s, input, fresh);
        } else if (state instanceof ServerState.AwaitRegistration s) {
            return ServerRegistration.onRegistered(s, input, fresh);
        } else if (state instanceof ServerState.AwaitLegacyCredentials s) {
            return ServerLegacyAuth.onCredentials(s, input, fresh);
        } else if (state instanceof ServerState.AwaitLegacyBind s) {
            return ServerLegacyAuth.onBind(s, input, fresh);
        }
        return refuse(state.context(), input, fresh);
    }

    private static Step<ServerState, SessionOutput> onChoice(ServerState.ExpectFeatureChoice s, SessionInput input, Fresh fresh) {
        ServerContext context = s.context();
        if (input instanceof SessionInput.Received received) {
            if (received.element() instanceof StartTls) {
                if (context.tls() || context.config().tls() == TlsPolicy.DISABLED) {
                    // RFC 6120 §5.4.2.2: <failure/>, then the stream and the connection are closed
                    return ServerSession.ended(s, dev.starling.machine.session.CloseReason.orderly("STARTTLS refused"))
                            .precededBy(new SessionOutput.Send(new TlsFailure()), new SessionOutput.CloseStream(Option.none()),
                                    new SessionOutput.CloseTransport());
                }
                return Step.of(new ServerState.ExpectTlsHandshake(context), new SessionOutput.Send(new TlsProceed()),
                        new SessionOutput.StartTls());
            }
            if (received.element() instanceof SaslAuth auth && context.identity().isEmpty()) {
                return onAuth(context, auth, fresh);
            }
            if (received.element() instanceof Iq iq && context.identity().isDefined()) {
                return ServerBinding.onRequest(s, iq, fresh);
            }
            if (received.element() instanceof Iq iq && iq.type().isRequest() && iq.payload().getOrNull() instanceof Register query) {
                return ServerRegistration.beforeAuthentication(s, iq, query);
            }
            if (received.element() instanceof Iq iq && iq.type().isRequest() && iq.payload().getOrNull() instanceof IqAuth query) {
                return ServerLegacyAuth.onRequest(s, iq, query, fresh);
            }
        }
        if (input instanceof SessionInput.ReceivedMalformed malformed && Namespaces.SASL.equals(malformed.element().namespace())) {
            return saslFailure(context, SaslFailureCondition.INCORRECT_ENCODING, malformed.reason(), fresh);
        }
        return refuse(context, input, fresh);
    }

    private static Step<ServerState, SessionOutput> onAuth(ServerContext context, SaslAuth auth, Fresh fresh) {
        ServerConfig config = context.config();
        if (!context.tls() && config.tls() == TlsPolicy.REQUIRED) {
            return saslFailure(context, SaslFailureCondition.ENCRYPTION_REQUIRED, "negotiate TLS first (RFC 6120 §5.3.1)", fresh);
        }
        Option<SaslServer> server = SaslServers.create(auth.mechanism(), config.sasl(), context.bindings().headOption(),
                context.tls(), fresh.token(1, 36), context.certificateIdentities(), "anon-" + fresh.token(6, 12),
                Option.some(config.domain().domain()));
        if (server.isEmpty()) {
            return saslFailure(context, SaslFailureCondition.INVALID_MECHANISM, "mechanism " + auth.mechanism() + " is not offered", fresh);
        }
        return onSaslStep(context, server.get(), server.get().onAuth(auth.initialResponse()), fresh);
    }

    private static Step<ServerState, SessionOutput> onSaslResponse(ServerState.ExpectSaslResponse s, SessionInput input, Fresh fresh) {
        if (input instanceof SessionInput.Received received && received.element() instanceof SaslResponse response) {
            return onSaslStep(s.context(), s.sasl(), s.sasl().onResponse(response.data()), fresh);
        }
        if (input instanceof SessionInput.Received received && received.element() instanceof SaslAbort) {
            return onSaslStep(s.context(), s.sasl(), s.sasl().onAbort(), fresh);
        }
        if (input instanceof SessionInput.ReceivedMalformed malformed && Namespaces.SASL.equals(malformed.element().namespace())) {
            return saslFailure(s.context(), SaslFailureCondition.INCORRECT_ENCODING, malformed.reason(), fresh);
        }
        return refuse(s.context(), input, fresh);
    }

    /** Performs what the SASL mechanism decided (RFC 6120 §6.4.3 to §6.4.6). */
    private static Step<ServerState, SessionOutput> onSaslStep(ServerContext context, SaslServer sasl, ServerStep step, Fresh fresh) {
        if (step instanceof ServerStep.Challenge challenge) {
            return Step.of(new ServerState.ExpectSaslResponse(context, challenge.next()),
                    new SessionOutput.Send(new SaslChallenge(Option.some(challenge.data()))));
        }
        if (step instanceof ServerStep.LookupCredentials lookup) {
            return Step.of(new ServerState.AwaitCredentials(context, lookup.next()),
                    new SessionOutput.LookupCredentials(lookup.username()));
        }
        if (step instanceof ServerStep.Success success) {
            ServerContext authenticated = context.authenticated(success.identity());
            return Step.of(new ServerState.ExpectStreamHeader(authenticated),
                    new SessionOutput.Send(new SaslSuccess(success.additionalData())), new SessionOutput.RestartStream(),
                    ServerSession.notify(new SessionEvent.Authenticated(sasl.mechanism(), success.identity().username())));
        }
        ServerStep.Failure failure = (ServerStep.Failure) step;
        return saslFailure(context, failure.condition(), failure.text(), fresh)
                .precededBy(ServerSession.notify(new SessionEvent.AuthenticationFailed(sasl.mechanism(), failure.condition(), failure.text())));
    }

    /** Sends {@code <failure/>}; past the retry limit, closes with policy-violation (RFC 6120 §6.4.5). */
    private static Step<ServerState, SessionOutput> saslFailure(ServerContext context, SaslFailureCondition condition, String text,
                                                                Fresh fresh) {
        ServerContext failed = context.failedSasl();
        SessionOutput failure = new SessionOutput.Send(new SaslFailure(condition,
                text.isEmpty() ? Option.none() : Option.some(LocalizedText.of(text, "en"))));
        if (failed.saslFailures() >= context.config().maxSaslFailures()) {
            return ServerSession.closeWith(failed, StreamError.of(StreamErrorCondition.POLICY_VIOLATION,
                    "too many failed authentication attempts (RFC 6120 §6.4.5)"), fresh).precededBy(failure);
        }
        return Step.of(new ServerState.ExpectFeatureChoice(failed), failure);
    }

    /**
     * Input that does not belong to negotiation: a stanza before it completes is not-authorized
     * (RFC 6120 §4.3.5, §4.9.3.12); any other element is unsupported-stanza-type (§4.9.3.24).
     */
    static Step<ServerState, SessionOutput> refuse(ServerContext context, SessionInput input, Fresh fresh) {
        boolean stanza = input instanceof SessionInput.Received received && received.element() instanceof Stanza
                || input instanceof SessionInput.ReceivedMalformed;
        StreamError error = stanza
                ? StreamError.of(StreamErrorCondition.NOT_AUTHORIZED, "stream negotiation is not complete (RFC 6120 §4.3.5)")
                : StreamError.of(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, "unexpected " + describe(input) + " during negotiation");
        return ServerSession.closeWith(context, error, fresh);
    }

    private static String describe(SessionInput input) {
        return input instanceof SessionInput.Received received ? received.element().getClass().getSimpleName()
                : input.getClass().getSimpleName();
    }
}
