package dev.starling.machine.stream.server;

import dev.starling.machine.account.AccountOperation;
import dev.starling.machine.account.RegistrationForm;
import dev.starling.machine.account.RegistrationPolicy;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.jid.Jid;
import dev.starling.model.register.Register;
import dev.starling.model.register.RegisterField;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import io.vavr.collection.Array;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * XEP-0077 in-band registration on the server. Before authentication (§3.1, §3.1.1): the
 * fields (and form) on {@code get}, one account per stream on {@code set}, {@code conflict} for a
 * taken username, {@code service-unavailable} when registration is off. After authentication:
 * {@code get} answers {@code <registered/>} (§3.1), {@code <remove/>} deletes the account, answers,
 * then ends this and every other session of the account with {@code not-authorized} (§3.2), and
 * a username with a new password changes the password (§3.3). Passwords are accepted only on an
 * encrypted stream (§13), and errors never echo them back (§3.3).
 */
final class ServerRegistration {

    private static final String REGISTERED_INSTRUCTIONS = "You are registered. Send a new password to change it, or <remove/> to cancel.";

    private ServerRegistration() {
    }

    /** A {@code jabber:iq:register} request from a client that has not authenticated. */
    static Step<ServerState, SessionOutput> beforeAuthentication(ServerState.ExpectFeatureChoice s, Iq iq, Register query) {
        ServerContext context = s.context();
        RegistrationPolicy policy = context.config().registration();
        if (!policy.registration() || !context.config().passwordsAllowed(context)) {
            return refuse(s, iq, StanzaErrorCondition.SERVICE_UNAVAILABLE, policy.registration()
                    ? "register over an encrypted stream (XEP-0077 §13)" : "in-band registration is not offered (XEP-0077 §3.1)");
        }
        if (iq.type() == IqType.GET) {
            return Step.of(s, new SessionOutput.Send(StanzaReplies.result(iq, RegistrationForm.offer(policy))));
        }
        if (query.remove()) {
            return refuse(s, iq, StanzaErrorCondition.UNEXPECTED_REQUEST, "authenticate before cancelling a registration (XEP-0077 §3.2)");
        }
        if (context.registered()) {
            return refuse(s, iq, StanzaErrorCondition.NOT_ACCEPTABLE, "one registration per stream; authenticate now (XEP-0077 §3.1.1)");
        }
        Either<StanzaError, AccountOperation.Create> create = RegistrationForm.read(policy, query, context.config().domain());
        if (create.isLeft()) {
            return Step.of(s, new SessionOutput.Send(StanzaReplies.errorWithoutPayload(iq, create.getLeft())));
        }
        return Step.of(new ServerState.AwaitRegistration(context, iq), new SessionOutput.UpdateAccount(iq, create.get()));
    }

    /** The store's answer to a registration. */
    static Step<ServerState, SessionOutput> onRegistered(ServerState.AwaitRegistration s, SessionInput input, Fresh fresh) {
        if (!(input instanceof SessionInput.AccountUpdated updated)) {
            return ServerNegotiation.refuse(s.context(), input, fresh);
        }
        ServerState.ExpectFeatureChoice next = new ServerState.ExpectFeatureChoice(s.context());
        if (updated.outcome().isLeft()) {
            return refuse(next, s.request(), StanzaErrorCondition.INTERNAL_SERVER_ERROR, "the account could not be stored");
        }
        if (!updated.outcome().get()) {
            return refuse(next, s.request(), StanzaErrorCondition.CONFLICT, "the username is taken (XEP-0077 §3.1)");
        }
        return Step.of(new ServerState.ExpectFeatureChoice(s.context().registeredNow()),
                new SessionOutput.Send(StanzaReplies.result(s.request())),
                ServerSession.notify(new SessionEvent.AccountChanged(updated.operation())));
    }

    /** A {@code jabber:iq:register} request to the server from an authenticated session. */
    static Step<ServerState, SessionOutput> afterAuthentication(ServerState.Ready s, Iq iq, Register query) {
        RegistrationPolicy policy = s.context().config().registration();
        String username = s.jid().local().get();
        if (iq.type() == IqType.GET) {
            Register registered = Register.of(Array.of(new RegisterField(RegisterField.USERNAME, username)))
                    .asRegistered().withInstructions(REGISTERED_INSTRUCTIONS);
            return Step.of(s, new SessionOutput.Send(ReadyServer.addressed(StanzaReplies.result(iq, registered), iq, s)));
        }
        if (query.remove()) {
            if (!policy.cancellation()) {
                return refuse(s, iq, StanzaErrorCondition.NOT_ALLOWED, "accounts cannot be removed in-band here (XEP-0077 §3.2)");
            }
            if (!query.fields().isEmpty() || query.form().isDefined()) {
                return refuse(s, iq, StanzaErrorCondition.BAD_REQUEST, "<remove/> must be the only child (XEP-0077 §3.2)");
            }
            return Step.of(s, new SessionOutput.UpdateAccount(iq, new AccountOperation.Delete(username)));
        }
        return changePassword(s, iq, query, policy, username);
    }

    private static Step<ServerState, SessionOutput> changePassword(ServerState.Ready s, Iq iq, Register query, RegistrationPolicy policy,
                                                                   String username) {
        if (!policy.passwordChange()) {
            return refuse(s, iq, StanzaErrorCondition.NOT_ALLOWED, "passwords cannot be changed in-band here (XEP-0077 §3.3)");
        }
        if (!s.context().config().passwordsAllowed(s.context())) {
            return refuse(s, iq, StanzaErrorCondition.NOT_AUTHORIZED, "change passwords over an encrypted stream (XEP-0077 §3.3)");
        }
        if (query.form().isDefined()) {
            return refuse(s, iq, StanzaErrorCondition.BAD_REQUEST, "send <username/> and <password/> to change the password (XEP-0077 §3.3)");
        }
        Option<String> named = query.field(RegisterField.USERNAME);
        Option<String> password = query.field(RegisterField.PASSWORD);
        if (named.isEmpty() || password.isEmpty()) {
            return refuse(s, iq, StanzaErrorCondition.BAD_REQUEST, "a password change names the username and the new password (XEP-0077 §3.3)");
        }
        if (!isThisAccount(named.get(), s.jid())) {
            return refuse(s, iq, StanzaErrorCondition.NOT_AUTHORIZED, "a session changes only its own account's password");
        }
        if (password.get().isEmpty()) {
            return refuse(s, iq, StanzaErrorCondition.BAD_REQUEST, "an empty password keeps the current one (XEP-0077 §3.3)");
        }
        return Step.of(s, new SessionOutput.UpdateAccount(iq, new AccountOperation.ChangePassword(username, password.get())));
    }

    /** The username as a localpart ("bill") or a bare JID ("bill@shakespeare.lit", Example 18), normalized. */
    private static boolean isThisAccount(String named, Jid session) {
        Either<?, Jid> jid = named.contains("@") ? Jid.parse(named)
                : Jid.of(Option.some(named), session.domain(), Option.none());
        return jid.isRight() && jid.get().equals(session.bare());
    }

    /** The store's answer to a password change or a cancellation. */
    static Step<ServerState, SessionOutput> onUpdated(ServerState.Ready s, SessionInput.AccountUpdated updated, Fresh fresh) {
        Iq request = updated.request();
        if (updated.outcome().isLeft()) {
            return refuse(s, request, StanzaErrorCondition.INTERNAL_SERVER_ERROR, "the account could not be changed");
        }
        boolean delete = updated.operation() instanceof AccountOperation.Delete;
        if (!updated.outcome().get()) {
            return delete ? refuse(s, request, StanzaErrorCondition.REGISTRATION_REQUIRED, "there is no such account")
                    : refuse(s, request, StanzaErrorCondition.ITEM_NOT_FOUND, "there is no such account");
        }
        SessionOutput result = new SessionOutput.Send(ReadyServer.addressed(StanzaReplies.result(request), request, s));
        SessionOutput changed = ServerSession.notify(new SessionEvent.AccountChanged(updated.operation()));
        if (!delete) {
            return Step.of(s, result, changed);
        }
        StreamError removed = StreamError.of(StreamErrorCondition.NOT_AUTHORIZED, "the account was removed (XEP-0077 §3.2)");
        return ServerSession.closeWith(s.context(), removed, fresh)
                .precededBy(result, changed, new SessionOutput.EndAccountSessions(s.jid().bare(), removed));
    }

    private static Step<ServerState, SessionOutput> refuse(ServerState s, Iq iq, StanzaErrorCondition condition, String text) {
        Iq error = StanzaReplies.errorWithoutPayload(iq, StanzaError.of(condition).withText(text));
        return Step.of(s, new SessionOutput.Send(s instanceof ServerState.Ready ready ? ReadyServer.addressed(error, iq, ready) : error));
    }
}
