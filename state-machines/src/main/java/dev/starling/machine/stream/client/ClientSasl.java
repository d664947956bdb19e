package dev.starling.machine.stream.client;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.sasl.ChannelBinding;
import dev.starling.machine.sasl.ClientCredentials;
import dev.starling.machine.sasl.SaslClient;
import dev.starling.machine.sasl.SaslClients;
import dev.starling.machine.session.CloseReason;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.model.Bytes;
import dev.starling.model.LocalizedText;
import dev.starling.model.sasl.SaslAbort;
import dev.starling.model.sasl.SaslAuth;
import dev.starling.model.sasl.SaslChallenge;
import dev.starling.model.sasl.SaslFailure;
import dev.starling.model.sasl.SaslFailureCondition;
import dev.starling.model.sasl.SaslResponse;
import dev.starling.model.sasl.SaslSuccess;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * The client's SASL exchange, RFC 6120 §6.4: pick the strongest offered mechanism this client
 * can do (a -PLUS mechanism only with a channel-binding type the server announced, XEP-0440 §5:
 * tls-exporter, then tls-server-end-point; without an announcement the client binds nothing and
 * says so with the GS2 flag {@code n}, which XEP-0440 §5 leaves open for SASL1), answer challenges, verify the success data (the SCRAM server signature), and on a
 * failure that another mechanism could avoid (§6.5.7 invalid-mechanism, §6.5.9
 * mechanism-too-weak, §6.5.4 encryption-required, or the client's own abort) try the next one.
 */
final class ClientSasl {

    private ClientSasl() {
    }

    /** Sends {@code <auth/>} for the first usable mechanism not yet tried (RFC 6120 §6.4.2). */
    static Step<ClientState, SessionOutput> start(ClientContext context, Seq<String> offered, Seq<String> bindingTypes, Fresh fresh) {
        ClientConfig config = context.config();
        boolean serverOffersPlus = offered.exists(m -> m.endsWith("-PLUS"));
        Seq<ChannelBinding> usable = context.bindings().filter(b -> bindingTypes.contains(b.type()));
        Option<ChannelBinding> binding = usable.find(b -> b.type().equals("tls-exporter")).orElse(usable.headOption());
        ClientCredentials credentials = new ClientCredentials(config.jid().local().get(), config.password(), Option.none());
        for (String mechanism : config.mechanisms()) {
            if (!offered.contains(mechanism) || context.tried().contains(mechanism)) {
                continue;
            }
            if (mechanism.equals("PLAIN") && !context.tls() && !config.allowPlainWithoutTls()) {
                continue; // RFC 6120 §13.8: PLAIN only over TLS
            }
            Option<SaslClient> client = SaslClients.create(mechanism, credentials, binding, serverOffersPlus, fresh.token(0, 32));
            if (client.isDefined()) {
                return Step.of(new ClientState.ExpectSaslOutcome(context.tried(mechanism), client.get(), offered, bindingTypes, false),
                        new SessionOutput.Send(new SaslAuth(mechanism, client.get().initialResponse())));
            }
        }
        return giveUp(context, "no acceptable SASL mechanism among " + offered.mkString(", "));
    }

    /** Whether any offered mechanism is one this client would try (RFC 6120 §6.3.3). */
    static boolean canUseAny(ClientContext context, Seq<String> offered) {
        ClientConfig config = context.config();
        return config.mechanisms().exists(m -> offered.contains(m) && !context.tried().contains(m)
                && (!m.equals("PLAIN") || context.tls() || config.allowPlainWithoutTls()));
    }

    static Step<ClientState, SessionOutput> onOutcome(ClientState.ExpectSaslOutcome s, SessionInput input, Fresh fresh) {
        if (!(input instanceof SessionInput.Received received)) {
            return ClientSession.unexpected(s, input);
        }
        if (received.element() instanceof SaslChallenge challenge && !s.aborting()) {
            var answer = s.sasl().onChallenge(challenge.data().getOrElse(Bytes.empty()));
            if (answer.isLeft()) {
                return Step.of(new ClientState.ExpectSaslOutcome(s.context(), s.sasl(), s.offered(), s.bindingTypes(), true),
                        new SessionOutput.Send(new SaslAbort()));
            }
            return Step.of(new ClientState.ExpectSaslOutcome(s.context(), answer.get().next(), s.offered(), s.bindingTypes(), false),
                    new SessionOutput.Send(new SaslResponse(Option.some(answer.get().response()))));
        }
        if (received.element() instanceof SaslChallenge) {
            return Step.of(s); // challenges that crossed our <abort/>
        }
        if (received.element() instanceof SaslSuccess success && !s.aborting()) {
            var problem = s.sasl().onSuccess(success.data());
            if (problem.isDefined()) {
                // RFC 5802 §5.1: a bad server signature means the server is not who it claims to be
                return ClientSession.closeWith(s.context(), StreamError.of(StreamErrorCondition.NOT_AUTHORIZED,
                        "the server failed SASL verification: " + problem.get().reason()));
            }
            ClientContext authenticated = s.context().authenticatedNow();
            return Step.of(new ClientState.ExpectStreamHeader(authenticated), new SessionOutput.RestartStream(),
                    ClientSession.openStream(authenticated), ClientSession.notify(new SessionEvent.Authenticated(
                            s.sasl().mechanism(), authenticated.config().jid().local().get())));
        }
        if (received.element() instanceof SaslFailure failure) {
            SessionOutput reported = ClientSession.notify(new SessionEvent.AuthenticationFailed(s.sasl().mechanism(),
                    failure.condition(), failure.text().map(LocalizedText::text).getOrElse("")));
            if (s.aborting() || retryable(failure.condition())) {
                return start(s.context(), s.offered(), s.bindingTypes(), fresh).precededBy(reported);
            }
            return giveUp(s.context(), "authentication failed: " + failure.condition().wireName()).precededBy(reported);
        }
        return ClientSession.unexpected(s, input);
    }

    private static boolean retryable(SaslFailureCondition condition) {
        return condition == SaslFailureCondition.INVALID_MECHANISM || condition == SaslFailureCondition.MECHANISM_TOO_WEAK
                || condition == SaslFailureCondition.ENCRYPTION_REQUIRED;
    }

    /** Closes the stream without an error: the client cannot go on (RFC 6120 §6.4.5). */
    static Step<ClientState, SessionOutput> giveUp(ClientContext context, String description) {
        return Step.of((ClientState) new ClientState.Closing(context, true),
                new SessionOutput.CancelTimer(TimerKey.NEGOTIATION), new SessionOutput.CloseStream(Option.none()),
                new SessionOutput.StartTimer(TimerKey.CLOSING, context.config().closeTimeout()),
                ClientSession.notify(new SessionEvent.Ended(CloseReason.orderly(description))));
    }
}
