package dev.starling.machine.stream.client;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.model.bind.Bind;
import dev.starling.model.bind.Session;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;

/**
 * Resource binding, RFC 6120 §7: ask for the configured resource (§7.7) or let the server
 * choose (§7.6); on {@code conflict} (§7.7.2.2) ask again without a resource. Then, if the
 * server still requires it, the legacy session of RFC 3921 §3.
 */
final class ClientBinding {

    private ClientBinding() {
    }

    static Step<ClientState, SessionOutput> start(ClientContext context, boolean sessionRequired, Fresh fresh) {
        Option<String> resource = context.config().jid().resource();
        return request(context, resource, sessionRequired, fresh);
    }

    private static Step<ClientState, SessionOutput> request(ClientContext context, Option<String> resource,
                                                            boolean sessionRequired, Fresh fresh) {
        String id = "bind-" + fresh.token(2, 10);
        Bind bind = resource.isDefined() ? Bind.request(resource.get()) : Bind.request();
        return Step.of(new ClientState.ExpectBindResult(context, id, resource.isDefined(), sessionRequired),
                new SessionOutput.Send(Iq.of(IqType.SET, id, bind)));
    }

    static Step<ClientState, SessionOutput> onBindResult(ClientState.ExpectBindResult s, SessionInput input, Fresh fresh) {
        Option<Iq> response = response(input, s.iqId());
        if (response.isEmpty()) {
            return ClientSession.unexpected(s, input);
        }
        Iq iq = response.get();
        if (iq.type() == IqType.RESULT) {
            Option<Jid> jid = iq.firstChild(Bind.class).flatMap(Bind::jid);
            if (jid.isEmpty() || !jid.get().isFull()) {
                return ClientSasl.giveUp(s.context(), "the bind result carries no full JID (RFC 6120 §7.6.1)");
            }
            if (s.sessionRequired()) {
                String id = "session-" + fresh.token(3, 10);
                return Step.of(new ClientState.ExpectSessionResult(s.context(), jid.get(), id),
                        new SessionOutput.Send(Iq.of(IqType.SET, id, new Session())));
            }
            return ready(s.context(), jid.get());
        }
        boolean conflict = iq.error().exists(e -> e.condition() == StanzaErrorCondition.CONFLICT);
        if (conflict && s.askedForResource()) {
            return request(s.context(), Option.none(), s.sessionRequired(), fresh);
        }
        return ClientSasl.giveUp(s.context(), "resource binding failed: "
                + iq.error().map(e -> e.condition().wireName()).getOrElse("error"));
    }

    static Step<ClientState, SessionOutput> onSessionResult(ClientState.ExpectSessionResult s, SessionInput input) {
        Option<Iq> response = response(input, s.iqId());
        if (response.isEmpty()) {
            return ClientSession.unexpected(s, input);
        }
        if (response.get().type() == IqType.RESULT) {
            return ready(s.context(), s.jid());
        }
        return ClientSasl.giveUp(s.context(), "session establishment failed (RFC 3921 §3)");
    }

    static Option<Iq> response(SessionInput input, String id) {
        if (input instanceof SessionInput.Received received && received.element() instanceof Iq iq && iq.iqId().equals(id)
                && (iq.type() == IqType.RESULT || iq.type() == IqType.ERROR)) {
            return Option.some(iq);
        }
        return Option.none();
    }

    /** Negotiation is complete (RFC 6120 §4.3.5): stop the negotiation timer, start keepalives. */
    static Step<ClientState, SessionOutput> ready(ClientContext context, Jid jid) {
        Step<ClientState, SessionOutput> step = Step.of(new ClientState.Ready(context, jid, HashSet.empty()),
                new SessionOutput.CancelTimer(TimerKey.NEGOTIATION), ClientSession.notify(new SessionEvent.Ready(jid)));
        return context.config().keepalive()
                .map(interval -> step.andThen(new SessionOutput.StartTimer(TimerKey.KEEPALIVE, interval)))
                .getOrElse(step);
    }
}
