package dev.starling.machine.stream.server;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.sasl.Authenticated;
import dev.starling.machine.sasl.PasswordCheck;
import dev.starling.machine.session.BindingRequest;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.jid.Jid;
import dev.starling.model.legacyauth.IqAuth;
import dev.starling.model.sasl.SaslFailureCondition;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * XEP-0078 non-SASL authentication on the server, off unless configured and only on an encrypted
 * stream (§7). The {@code get} lists username, password and resource (§2 Example 2, without
 * {@code <digest/>}: the server stores salted SCRAM keys, not passwords, so it cannot check a
 * digest); the {@code set} is checked against the stored keys, the resource is bound by the
 * router's conflict policy (Example 7), and the stream is ready without a restart. Missing fields
 * are {@code not-acceptable} (Example 8), wrong credentials {@code not-authorized} (Example 6),
 * and a client whose SASL attempt failed gets {@code policy-violation} (§7). Errors never echo
 * the credentials (§2).
 */
final class ServerLegacyAuth {

    /** The mechanism name the session events report for a XEP-0078 login. */
    static final String MECHANISM = IqAuth.NAMESPACE;

    private ServerLegacyAuth() {
    }

    static Step<ServerState, SessionOutput> onRequest(ServerState.ExpectFeatureChoice s, Iq iq, IqAuth query, Fresh fresh) {
        ServerContext context = s.context();
        if (!context.config().legacyAuth() || !context.config().passwordsAllowed(context)) {
            return refuse(s, iq, StanzaErrorCondition.SERVICE_UNAVAILABLE, "non-SASL authentication is not offered (XEP-0078 §2)");
        }
        if (context.saslFailures() > 0) {
            return ServerSession.closeWith(context, StreamError.of(StreamErrorCondition.POLICY_VIOLATION,
                    "SASL failed on this stream; no falling back to non-SASL authentication (XEP-0078 §7)"), fresh);
        }
        if (iq.type() == IqType.GET) {
            return Step.of(s, new SessionOutput.Send(StanzaReplies.result(iq, IqAuth.fields(true, false))));
        }
        Option<String> username = query.username().filter(u -> !u.isEmpty());
        Option<String> password = query.password().filter(p -> !p.isEmpty());
        Option<String> resource = query.resource().filter(r -> !r.isEmpty());
        if (username.isEmpty() || resource.isEmpty() || password.isEmpty()) {
            return refuse(s, iq, StanzaErrorCondition.NOT_ACCEPTABLE, query.digest().isDefined() && password.isEmpty()
                    ? "this server takes the password, not a digest (it stores no passwords to digest)"
                    : "username, password and resource are required (XEP-0078 §2)");
        }
        Either<?, Jid> account = Jid.of(username, context.config().domain().domain(), Option.none());
        if (account.isLeft()) {
            return failed(s.context(), iq, fresh);
        }
        Either<?, Jid> full = account.get().withResource(resource.get());
        if (full.isLeft()) {
            return refuse(s, iq, StanzaErrorCondition.BAD_REQUEST, "the resource is not valid: " + full.getLeft());
        }
        String localpart = account.get().local().get();
        return Step.of(new ServerState.AwaitLegacyCredentials(context, iq, localpart, password.get(), full.get().resource().get()),
                new SessionOutput.LookupCredentials(localpart));
    }

    static Step<ServerState, SessionOutput> onCredentials(ServerState.AwaitLegacyCredentials s, SessionInput input, Fresh fresh) {
        if (!(input instanceof SessionInput.CredentialsLoaded loaded)) {
            return ServerNegotiation.refuse(s.context(), input, fresh);
        }
        if (!PasswordCheck.matches(loaded.credentials(), s.password())) {
            return failed(s.context(), s.request(), fresh);
        }
        Jid account = Jid.of(Option.some(s.username()), s.context().config().domain().domain(), Option.none()).get();
        return Step.of(new ServerState.AwaitLegacyBind(s.context(), new Authenticated(s.username(), Option.none()), s.request()),
                new SessionOutput.RequestBinding(new BindingRequest(account, Option.some(s.resource()), fresh.token(3, 12))));
    }

    static Step<ServerState, SessionOutput> onBind(ServerState.AwaitLegacyBind s, SessionInput input, Fresh fresh) {
        if (!(input instanceof SessionInput.BindDecided decided)) {
            return ServerNegotiation.refuse(s.context(), input, fresh);
        }
        if (decided.outcome().isLeft()) {
            ServerState next = new ServerState.ExpectFeatureChoice(s.context());
            return Step.of(next, new SessionOutput.Send(StanzaReplies.errorWithoutPayload(s.request(), decided.outcome().getLeft())));
        }
        Jid jid = decided.outcome().get();
        return Step.of(new ServerState.Ready(s.context().authenticatedInPlace(s.identity()), jid),
                new SessionOutput.Send(StanzaReplies.result(s.request())),
                new SessionOutput.CancelTimer(TimerKey.NEGOTIATION),
                new SessionOutput.StartTimer(TimerKey.IDLE, s.context().config().idleTimeout()),
                ServerSession.notify(new SessionEvent.Authenticated(MECHANISM, s.identity().username())),
                ServerSession.notify(new SessionEvent.Ready(jid)));
    }

    /** Wrong credentials (Example 6); past the retry limit the stream ends with policy-violation, as for SASL (RFC 6120 §6.4.5). */
    private static Step<ServerState, SessionOutput> failed(ServerContext context, Iq iq, Fresh fresh) {
        ServerContext counted = context.failedLegacyAuth();
        SessionOutput error = new SessionOutput.Send(StanzaReplies.errorWithoutPayload(iq, StanzaError.of(StanzaErrorCondition.NOT_AUTHORIZED)));
        SessionOutput event = ServerSession.notify(new SessionEvent.AuthenticationFailed(MECHANISM, SaslFailureCondition.NOT_AUTHORIZED,
                "wrong username or password"));
        if (counted.legacyFailures() >= context.config().maxSaslFailures()) {
            return ServerSession.closeWith(counted, StreamError.of(StreamErrorCondition.POLICY_VIOLATION,
                    "too many failed authentication attempts"), fresh).precededBy(error, event);
        }
        return Step.of(new ServerState.ExpectFeatureChoice(counted), error, event);
    }

    private static Step<ServerState, SessionOutput> refuse(ServerState s, Iq iq, StanzaErrorCondition condition, String text) {
        return Step.of(s, new SessionOutput.Send(StanzaReplies.errorWithoutPayload(iq, StanzaError.of(condition).withText(text))));
    }
}
