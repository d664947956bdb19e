package dev.starling.machine.stream.client;

import dev.starling.machine.account.LegacyDigest;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.model.jid.Jid;
import dev.starling.model.legacyauth.IqAuth;
import dev.starling.model.sasl.SaslFailureCondition;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaError;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The client's XEP-0078 non-SASL authentication, used only when configured and the server offers
 * no SASL mechanism the client can use (§7: SASL is always preferred), or speaks a pre-XMPP-1.0
 * stream without features. Ask for the fields (Example 1), then send the digest when offered
 * (Example 4: SHA-1 of stream id and password) or, only on an encrypted stream, the plaintext
 * password (Example 3; §7 forbids plaintext as a default and over clear streams); the resource
 * is the configured one or a generated one; the result makes the stream ready without a restart.
 */
final class ClientLegacyAuth {

    /** The mechanism name the session events report. */
    static final String MECHANISM = IqAuth.NAMESPACE;

    private ClientLegacyAuth() {
    }

    static Step<ClientState, SessionOutput> start(ClientContext context, String streamId, Fresh fresh) {
        String id = "auth-" + fresh.token(5, 12);
        ClientConfig config = context.config();
        Iq get = Iq.of(IqType.GET, id, IqAuth.query(config.jid().local())).withTo(Option.some(config.jid().domainJid()));
        return Step.of(new ClientState.ExpectLegacyAuthFields(context, streamId, id), new SessionOutput.Send(get));
    }

    static Step<ClientState, SessionOutput> onFields(ClientState.ExpectLegacyAuthFields s, SessionInput input, Fresh fresh) {
        Option<Iq> response = ClientBinding.response(input, s.iqId());
        if (response.isEmpty()) {
            return ClientSession.unexpected(s, input);
        }
        Option<IqAuth> offered = response.get().firstChild(IqAuth.class);
        if (response.get().type() == IqType.ERROR || offered.isEmpty()) {
            return failed(s.context(), response.get());
        }
        ClientContext context = s.context();
        ClientConfig config = context.config();
        String username = config.jid().local().get();
        Either<?, Jid> full = config.jid().resource().isDefined() ? Either.right(config.jid())
                : config.jid().withResource("starling-" + fresh.token(7, 8));
        IqAuth credentials;
        if (offered.get().offersDigest() && !s.streamId().isEmpty()) {
            credentials = IqAuth.digest(username, LegacyDigest.of(s.streamId(), config.password()), full.get().resource().get());
        } else if (offered.get().offersPlaintext() && (context.tls() || config.allowPlainWithoutTls())) {
            credentials = IqAuth.plaintext(username, config.password(), full.get().resource().get());
        } else {
            return ClientSasl.giveUp(context, "non-SASL authentication: the server offers neither a digest nor plaintext over TLS");
        }
        String id = "auth-" + fresh.token(6, 12);
        Iq set = Iq.of(IqType.SET, id, credentials).withTo(Option.some(config.jid().domainJid()));
        return Step.of(new ClientState.ExpectLegacyAuthResult(context, id, full.get()), new SessionOutput.Send(set));
    }

    static Step<ClientState, SessionOutput> onResult(ClientState.ExpectLegacyAuthResult s, SessionInput input) {
        Option<Iq> response = ClientBinding.response(input, s.iqId());
        if (response.isEmpty()) {
            return ClientSession.unexpected(s, input);
        }
        if (response.get().type() == IqType.ERROR) {
            return failed(s.context(), response.get());
        }
        ClientContext authenticated = s.context().authenticatedNow();
        return ClientBinding.ready(authenticated, s.jid())
                .precededBy(ClientSession.notify(new SessionEvent.Authenticated(MECHANISM, s.jid().local().get())));
    }

    private static Step<ClientState, SessionOutput> failed(ClientContext context, Iq response) {
        String condition = response.firstChild(StanzaError.class).map(e -> e.condition().wireName()).getOrElse("no answer");
        return ClientSasl.giveUp(context, "authentication failed: " + condition)
                .precededBy(ClientSession.notify(new SessionEvent.AuthenticationFailed(MECHANISM, SaslFailureCondition.NOT_AUTHORIZED,
                        "non-SASL authentication refused: " + condition)));
    }
}
