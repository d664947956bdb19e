package dev.starling.machine.stream.client;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TlsPolicy;
import dev.starling.model.bind.BindFeature;
import dev.starling.model.bind.SessionFeature;
import dev.starling.model.sasl.ChannelBindingTypes;
import dev.starling.model.legacyauth.IqAuthFeature;
import dev.starling.model.sasl.SaslMechanisms;
import io.vavr.collection.Seq;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import dev.starling.model.stream.StreamFeatures;
import dev.starling.model.tls.StartTls;
import dev.starling.model.tls.StartTlsFeature;

/**
 * The client's choice among the offered stream features, RFC 6120 §4.3.2 and the layer order of
 * §13.8: STARTTLS first (§5.3.1), then XEP-0077 registration when configured, then SASL
 * (§6.3.1; XEP-0078 non-SASL authentication only when configured and no offered mechanism is
 * usable), then resource binding (§7.3.1).
 */
final class ClientFeatures {

    private ClientFeatures() {
    }

    static Step<ClientState, SessionOutput> onFeatures(ClientState.ExpectFeatures s, SessionInput input, Fresh fresh) {
        if (!(input instanceof SessionInput.Received received) || !(received.element() instanceof StreamFeatures features)) {
            return ClientSession.unexpected(s, input);
        }
        ClientContext context = s.context();
        return choose(s, context, features, fresh).precededBy(ClientSession.notify(new SessionEvent.FeaturesOffered(features)));
    }

    static Step<ClientState, SessionOutput> choose(ClientState.ExpectFeatures s, ClientContext context,
                                                           StreamFeatures features, Fresh fresh) {
        if (!context.tls()) {
            var startTls = features.feature(StartTlsFeature.class);
            if (startTls.isDefined() && context.config().tls() != TlsPolicy.DISABLED) {
                return Step.of(new ClientState.ExpectTlsProceed(context), new SessionOutput.Send(new StartTls()));
            }
            if (startTls.isDefined() && startTls.get().required()) {
                return ClientSession.closeWith(context, StreamError.of(StreamErrorCondition.UNSUPPORTED_FEATURE,
                        "the server requires TLS, which this client is configured not to use"));
            }
            if (ClientSession.tlsMissing(context)) {
                return ClientSession.closeWith(context, StreamError.of(StreamErrorCondition.POLICY_VIOLATION,
                        "this client requires TLS and the server does not offer STARTTLS (RFC 6120 §5.3.1)"));
            }
        }
        if (!context.authenticated()) {
            if (context.config().registration().isDefined() && !context.registered()) {
                return ClientRegistration.start(s, features, fresh);
            }
            var mechanisms = features.feature(SaslMechanisms.class);
            if (context.config().legacyAuth() && features.feature(IqAuthFeature.class).isDefined()
                    && !ClientSasl.canUseAny(context, mechanisms.map(SaslMechanisms::names).getOrElse(io.vavr.collection.Array.empty()))) {
                return ClientLegacyAuth.start(context, s.streamId(), fresh); // XEP-0078 §7: only without usable SASL
            }
            if (mechanisms.isEmpty()) {
                return ClientSession.closeWith(context, StreamError.of(StreamErrorCondition.UNSUPPORTED_FEATURE,
                        "the server offers no SASL mechanism (RFC 6120 §6.3.1)"));
            }
            Seq<String> bindingTypes = features.feature(ChannelBindingTypes.class).map(ChannelBindingTypes::types)
                    .getOrElse(io.vavr.collection.Array.empty());
            return ClientSasl.start(context, mechanisms.get().names(), bindingTypes, fresh);
        }
        if (features.feature(BindFeature.class).isEmpty()) {
            return ClientSession.closeWith(context, StreamError.of(StreamErrorCondition.UNSUPPORTED_FEATURE,
                    "the server offers no resource binding (RFC 6120 §7.3.1)"));
        }
        boolean sessionRequired = features.feature(SessionFeature.class).exists(f -> !f.optional());
        return ClientBinding.start(context, sessionRequired, fresh);
    }
}
