package dev.starling.machine.stream.federation;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.CloseReason;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.Bytes;
import dev.starling.model.LocalizedText;
import dev.starling.model.jid.Jid;
import dev.starling.model.sasl.SaslAbort;
import dev.starling.model.sasl.SaslAuth;
import dev.starling.model.sasl.SaslChallenge;
import dev.starling.model.sasl.SaslFailure;
import dev.starling.model.sasl.SaslFailureCondition;
import dev.starling.model.sasl.SaslResponse;
import dev.starling.model.sasl.SaslSuccess;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import dev.starling.model.tls.StartTls;
import dev.starling.model.tls.TlsProceed;
import io.vavr.control.Option;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * The receiving server's negotiation after its features and its checks on the peer's stanzas:
 * STARTTLS (RFC 6120 §5.4.2.3), SASL EXTERNAL for a server (§6.4, XEP-0178 §4 step 10: the
 * authorization identity is empty or the claimed domain; one attempt, then the stream closes as
 * in the §9.2 example), and in the ready state the addressing rules of §8.1.1.2 and §8.1.2.2.
 */
final class InboundNegotiation {

    private static final String EXTERNAL = "EXTERNAL";

    private InboundNegotiation() {
    }

    static Step<InboundState, SessionOutput> step(InboundState state, SessionInput input, Fresh fresh) {
        if (state instanceof InboundState.ExpectStartTls s && received(input) instanceof StartTls) {
            return Step.of(new InboundState.ExpectTlsHandshake(s.context()), new SessionOutput.Send(new TlsProceed()),
                    new SessionOutput.StartTls());
        }
        if (state instanceof InboundState.ExpectAuth s && received(input) instanceof SaslAuth auth) {
            if (!auth.mechanism().equals(EXTERNAL)) {
                return saslFailure(s.context(), SaslFailureCondition.INVALID_MECHANISM, "only EXTERNAL is offered");
            }
            return auth.initialResponse().isDefined()
                    ? onAuthzid(s.context(), auth.initialResponse().get())
                    : Step.of(new InboundState.ExpectSaslResponse(s.context()), new SessionOutput.Send(new SaslChallenge(Option.none())));
        }
        if (state instanceof InboundState.ExpectSaslResponse s && received(input) instanceof SaslResponse response) {
            return onAuthzid(s.context(), response.data().getOrElse(Bytes.empty()));
        }
        if (state instanceof InboundState.ExpectSaslResponse s && received(input) instanceof SaslAbort) {
            return saslFailure(s.context(), SaslFailureCondition.ABORTED, "");
        }
        if (state instanceof InboundState.Ready s) {
            return onReady(s, input, fresh);
        }
        return refuse(state, input, fresh);
    }

    /** XEP-0178 §4 step 10: success when the certificate identifies the claimed domain and the authzid is empty or that domain. */
    private static Step<InboundState, SessionOutput> onAuthzid(InboundContext context, Bytes message) {
        Option<String> authzid = utf8(message);
        if (authzid.isEmpty()) {
            return saslFailure(context, SaslFailureCondition.INCORRECT_ENCODING, "the authorization identity is not UTF-8");
        }
        Jid claimed = context.claimed().get();
        if (!CertifiedDomain.matches(context.certificateIdentities(), claimed)) {
            return saslFailure(context, SaslFailureCondition.NOT_AUTHORIZED, "the certificate does not identify " + claimed);
        }
        if (!authzid.get().isEmpty() && !authzid.get().equals("=") && !Jid.parse(authzid.get()).exists(claimed::equals)) {
            return saslFailure(context, SaslFailureCondition.INVALID_AUTHZID, "this stream claims " + claimed);
        }
        return Step.of(new InboundState.ExpectStreamHeader(context.authenticatedAs(claimed)),
                new SessionOutput.Send(new SaslSuccess(Option.none())), new SessionOutput.RestartStream(),
                InboundServerSession.notify(new SessionEvent.Authenticated(EXTERNAL, claimed.toString())));
    }

    /** A failed attempt ends the stream, as in RFC 6120 §9.2 step 10 (alt): there is nothing else to try. */
    private static Step<InboundState, SessionOutput> saslFailure(InboundContext context, SaslFailureCondition condition, String text) {
        return InboundServerSession.closeOrderly(context, CloseReason.orderly("SASL EXTERNAL failed: " + condition.wireName()))
                .precededBy(new SessionOutput.Send(new SaslFailure(condition, text.isEmpty() ? Option.none() : Option.some(LocalizedText.of(text, "en")))),
                        InboundServerSession.notify(new SessionEvent.AuthenticationFailed(EXTERNAL, condition, text)));
    }

    /** RFC 6120 §8.1.1.2 and §8.1.2.2: both addresses present, 'to' this server, 'from' the authenticated peer. */
    private static Step<InboundState, SessionOutput> onReady(InboundState.Ready s, SessionInput input, Fresh fresh) {
        if (input instanceof SessionInput.ReceivedMalformed malformed) {
            // the peer's own error goes back to it through this server's outbound stream, like any stanza
            return Step.of(s, StanzaReplies.error(malformed.element(), malformed.condition(), malformed.reason())
                    .<SessionOutput>map(SessionOutput.Route::new).toList());
        }
        if (!(received(input) instanceof Stanza stanza)) {
            return input instanceof SessionInput.Received
                    ? InboundServerSession.closeWith(s.context(), StreamError.of(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                            "only stanzas flow on a negotiated server-to-server stream"), fresh)
                    : Step.of(s); // application commands have no meaning on an input-only stream
        }
        Jid local = s.context().config().domain();
        if (stanza.to().isEmpty() || stanza.from().isEmpty()) {
            return InboundServerSession.closeWith(s.context(), StreamError.of(StreamErrorCondition.IMPROPER_ADDRESSING,
                    "stanzas between servers carry 'to' and 'from' (RFC 6120 §8.1.1.2, §8.1.2.2)"), fresh);
        }
        if (!stanza.to().get().domain().equals(local.domain())) {
            return InboundServerSession.closeWith(s.context(), StreamError.of(StreamErrorCondition.HOST_UNKNOWN,
                    "this server is " + local + ", not " + stanza.to().get().domain() + " (RFC 6120 §8.1.1.2)"), fresh);
        }
        if (!stanza.from().get().domain().equals(s.peer().domain())) {
            return InboundServerSession.closeWith(s.context(), StreamError.of(StreamErrorCondition.INVALID_FROM,
                    "this stream authenticated " + s.peer() + ", not " + stanza.from().get().domain() + " (RFC 6120 §8.1.2.2)"), fresh);
        }
        return Step.of(s, new SessionOutput.Route(stanza));
    }

    /**
     * Anything else during negotiation: a stanza or an {@code <auth/>} out of turn is
     * not-authorized (RFC 6120 §4.3.5, §4.9.3.12), any other element unsupported-stanza-type.
     */
    private static Step<InboundState, SessionOutput> refuse(InboundState state, SessionInput input, Fresh fresh) {
        Object element = received(input);
        if (element == null && !(input instanceof SessionInput.ReceivedMalformed)) {
            return Step.of(state); // timers and commands that do not concern this stage
        }
        boolean unauthorized = element instanceof Stanza || element instanceof SaslAuth || input instanceof SessionInput.ReceivedMalformed;
        return InboundServerSession.closeWith(state.context(), unauthorized
                ? StreamError.of(StreamErrorCondition.NOT_AUTHORIZED, "stream negotiation is not complete (RFC 6120 §4.3.5)")
                : StreamError.of(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE, "unexpected " + element.getClass().getSimpleName()
                        + " during negotiation"), fresh);
    }

    private static Object received(SessionInput input) {
        return input instanceof SessionInput.Received r ? r.element() : null;
    }

    private static Option<String> utf8(Bytes bytes) {
        try {
            return Option.some(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toArray())).toString());
        } catch (CharacterCodingException e) {
            return Option.none();
        }
    }
}
