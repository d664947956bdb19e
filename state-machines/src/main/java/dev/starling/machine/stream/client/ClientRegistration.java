package dev.starling.machine.stream.client;

import dev.starling.machine.account.AccountOperation;
import dev.starling.machine.account.RegistrationAnswer;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.model.register.Register;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaError;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The client registering its account before logging in, XEP-0077 §3.1 and §3.1.1: ask for the
 * fields, fill them (a form first, §5), send them, then authenticate with the new account on the
 * same stream. Passwords go only over an encrypted stream (§13). A host error or a field the
 * client cannot fill ends the session with the reason.
 */
final class ClientRegistration {

    private ClientRegistration() {
    }

    static Step<ClientState, SessionOutput> start(ClientState.ExpectFeatures s, dev.starling.model.stream.StreamFeatures features,
                                                  Fresh fresh) {
        ClientContext context = s.context();
        if (!context.tls() && !context.config().allowPlainWithoutTls()) {
            return failed(context, "the stream is not encrypted and registration sends the password (XEP-0077 §13)");
        }
        String id = "reg-" + fresh.token(5, 12);
        Iq get = Iq.of(IqType.GET, id, Register.query()).withTo(Option.some(context.config().jid().domainJid()));
        return Step.of(new ClientState.ExpectRegistrationForm(context, features, s.streamId(), id), new SessionOutput.Send(get));
    }

    static Step<ClientState, SessionOutput> onForm(ClientState.ExpectRegistrationForm s, SessionInput input, Fresh fresh) {
        Option<Iq> response = ClientBinding.response(input, s.iqId());
        if (response.isEmpty()) {
            return ClientSession.unexpected(s, input);
        }
        if (response.get().type() == IqType.ERROR) {
            return failed(s.context(), "the host refused: " + describe(response.get()));
        }
        Option<Register> offered = response.get().firstChild(Register.class);
        if (offered.isEmpty()) {
            return failed(s.context(), "the host answered without registration fields");
        }
        ClientConfig config = s.context().config();
        Map<String, String> details = config.registration().getOrElse(io.vavr.collection.HashMap.empty());
        Either<String, Register> filled = RegistrationAnswer.fill(offered.get(), config.jid().local().get(), config.password(), details);
        if (filled.isLeft()) {
            return failed(s.context(), filled.getLeft());
        }
        String id = "reg-" + fresh.token(6, 12);
        Iq set = Iq.of(IqType.SET, id, filled.get()).withTo(Option.some(config.jid().domainJid()));
        return Step.of(new ClientState.ExpectRegistrationResult(s.context(), s.features(), s.streamId(), id), new SessionOutput.Send(set));
    }

    static Step<ClientState, SessionOutput> onResult(ClientState.ExpectRegistrationResult s, SessionInput input, Fresh fresh) {
        Option<Iq> response = ClientBinding.response(input, s.iqId());
        if (response.isEmpty()) {
            return ClientSession.unexpected(s, input);
        }
        if (response.get().type() == IqType.ERROR) {
            return failed(s.context(), "the host refused: " + describe(response.get()));
        }
        ClientConfig config = s.context().config();
        AccountOperation created = new AccountOperation.Create(config.jid().local().get(), config.password(),
                config.registration().getOrElse(io.vavr.collection.HashMap.empty()));
        ClientState.ExpectFeatures registered = new ClientState.ExpectFeatures(s.context().registeredNow(), s.streamId());
        return ClientFeatures.choose(registered, registered.context(), s.features(), fresh)
                .precededBy(ClientSession.notify(new SessionEvent.AccountChanged(created)));
    }

    private static String describe(Iq error) {
        return error.firstChild(StanzaError.class)
                .map(e -> e.condition().wireName() + e.text().map(t -> " (" + t.text() + ")").getOrElse(""))
                .getOrElse("an error without a condition");
    }

    private static Step<ClientState, SessionOutput> failed(ClientContext context, String reason) {
        return ClientSasl.giveUp(context, "registration failed: " + reason)
                .precededBy(ClientSession.notify(new SessionEvent.RegistrationFailed(reason)));
    }
}
