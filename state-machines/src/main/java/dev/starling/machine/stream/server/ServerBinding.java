package dev.starling.machine.stream.server;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.BindingRequest;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.bind.Bind;
import dev.starling.model.jid.Jid;
import dev.starling.model.jid.JidError;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Resource binding on the server, RFC 6120 §7: the client asks for a resource (§7.7) or for
 * one to be generated (§7.6); an invalid resource is bad-request (§7.7.2.1); the router decides
 * conflicts with the account's other sessions by its policy (§7.7.2.2) and answers with the bound
 * JID or the error.
 */
final class ServerBinding {

    private ServerBinding() {
    }

    static Step<ServerState, SessionOutput> onRequest(ServerState.ExpectFeatureChoice s, Iq iq, Fresh fresh) {
        Option<Bind> bind = iq.firstChild(Bind.class);
        if (iq.type() != IqType.SET || bind.isEmpty()) {
            return ServerNegotiation.refuse(s.context(), new SessionInput.Received(iq), fresh);
        }
        Jid account = account(s.context());
        Option<String> requested = bind.get().resource().filter(r -> !r.isEmpty());
        if (requested.isDefined()) {
            Either<JidError, Jid> full = account.withResource(requested.get());
            if (full.isLeft()) {
                return Step.of(s, new SessionOutput.Send(StanzaReplies.error(iq,
                        StanzaError.of(StanzaErrorCondition.BAD_REQUEST).withText(full.getLeft().message())).get()));
            }
            requested = full.get().resource();
        }
        return Step.of(new ServerState.AwaitBindDecision(s.context(), iq),
                new SessionOutput.RequestBinding(new BindingRequest(account, requested, fresh.token(3, 12))));
    }

    static Step<ServerState, SessionOutput> onDecision(ServerState.AwaitBindDecision s, SessionInput input, Fresh fresh) {
        if (!(input instanceof SessionInput.BindDecided decided)) {
            return ServerNegotiation.refuse(s.context(), input, fresh);
        }
        if (decided.outcome().isLeft()) {
            return Step.of(new ServerState.ExpectFeatureChoice(s.context()),
                    new SessionOutput.Send(StanzaReplies.error(s.request(), decided.outcome().getLeft()).get()));
        }
        Jid jid = decided.outcome().get();
        return Step.of(new ServerState.Ready(s.context(), jid),
                new SessionOutput.Send(StanzaReplies.result(s.request(), Bind.result(jid))),
                new SessionOutput.CancelTimer(TimerKey.NEGOTIATION),
                new SessionOutput.StartTimer(TimerKey.IDLE, s.context().config().idleTimeout()),
                ServerSession.notify(new SessionEvent.Ready(jid)));
    }

    /** The authorization identity as a bare JID (RFC 6120 §4.3.6). */
    static Jid account(ServerContext context) {
        String username = context.identity().get().username();
        return Jid.of(Option.some(username), context.config().domain().domain(), Option.none())
                .getOrElseThrow(error -> new IllegalStateException("SASL produced an invalid username: " + error.message()));
    }
}
