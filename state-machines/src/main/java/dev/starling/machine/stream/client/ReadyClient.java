package dev.starling.machine.stream.client;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.blocking.BlockingCommand;
import dev.starling.model.roster.RosterQuery;
import dev.starling.model.im.Receipt;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.MessageType;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stream.StreamFeatures;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * A negotiated client stream (RFC 6120 §4.3.5, §8): stanzas flow both ways; every IQ request
 * the client sends is tracked until its response or its timeout (§8.2.3); requests the client
 * receives are answered by its {@link dev.starling.machine.stanza.EntityServices}, with
 * {@code service-unavailable} for anything unknown (§8.4), except roster and blocklist pushes
 * from the account's own server, which are acknowledged and handed on (RFC 6121 §2.1.6, XEP-0191
 * §3.3; a push from anyone else is unknown to it); a message that asks for a delivery receipt
 * gets one (XEP-0184 §5); malformed stanzas are answered with
 * their error (§8.3); whitespace keepalives go out on their timer (§4.6.1).
 */
final class ReadyClient {

    private ReadyClient() {
    }

    static Step<ClientState, SessionOutput> step(ClientState.Ready s, SessionInput input, Fresh fresh) {
        if (input instanceof SessionInput.SendStanza send) {
            return send(s, send.stanza());
        }
        if (input instanceof SessionInput.Received received && received.element() instanceof Stanza stanza) {
            return receive(s, stanza, fresh);
        }
        if (input instanceof SessionInput.Received received && received.element() instanceof StreamFeatures features
                && features.isEmpty()) {
            return Step.of(s); // an empty feature list may follow negotiation (RFC 6120 §4.3.5)
        }
        if (input instanceof SessionInput.ReceivedMalformed malformed) {
            Seq<SessionOutput> reply = StanzaReplies.error(malformed.element(), malformed.condition(), malformed.reason())
                    .map(error -> (SessionOutput) new SessionOutput.Send(error)).toArray();
            return Step.of(s, reply);
        }
        if (input instanceof SessionInput.TimerFired timer && timer.key().equals(TimerKey.KEEPALIVE)) {
            return Step.of(s, new SessionOutput.SendKeepalive(),
                    new SessionOutput.StartTimer(TimerKey.KEEPALIVE, s.context().config().keepalive().get()));
        }
        if (input instanceof SessionInput.TimerFired timer && timer.key().name().startsWith("iq:")) {
            String id = timer.key().name().substring(3);
            if (!s.pendingIqs().contains(id)) {
                return Step.of(s);
            }
            return Step.of(new ClientState.Ready(s.context(), s.jid(), s.pendingIqs().remove(id)),
                    ClientSession.notify(new SessionEvent.IqTimedOut(id)));
        }
        return ClientSession.unexpected(s, input);
    }

    private static boolean wantsReceipt(Message message) {
        MessageType type = message.effectiveType();
        return message.firstChild(Receipt.Request.class).isDefined() && message.id().isDefined() && message.from().isDefined()
                && type != MessageType.GROUPCHAT && type != MessageType.ERROR;
    }

    private static Step<ClientState, SessionOutput> send(ClientState.Ready s, Stanza stanza) {
        if (stanza instanceof Iq iq && iq.type().isRequest()) {
            return Step.of(new ClientState.Ready(s.context(), s.jid(), s.pendingIqs().add(iq.iqId())),
                    new SessionOutput.StartTimer(TimerKey.iq(iq.iqId()), s.context().config().iqTimeout()),
                    new SessionOutput.Send(stanza));
        }
        return Step.of(s, new SessionOutput.Send(stanza));
    }

    private static Step<ClientState, SessionOutput> receive(ClientState.Ready s, Stanza stanza, Fresh fresh) {
        if (stanza instanceof Iq iq && iq.type() == IqType.SET && iq.from().forAll(from -> from.equals(s.jid().bare()))
                && (iq.payload().getOrNull() instanceof RosterQuery || iq.payload().getOrNull() instanceof BlockingCommand
                || iq.payload().getOrNull() instanceof dev.starling.model.privacy.PrivacyQuery)) {
            // RFC 6121 §2.1.6, XEP-0191 §3.3, XEP-0016 §2.6: a roster, blocklist or privacy list push from the account itself is acknowledged and handed on
            return Step.of(s, new SessionOutput.Send(StanzaReplies.result(iq)), ClientSession.notify(new SessionEvent.StanzaReceived(iq)));
        }
        if (stanza instanceof Message message && wantsReceipt(message)) {
            // XEP-0184 §5: acknowledge a request in a message with an id, never in groupchat or errors
            Message receipt = new Message(Option.none(), Option.some("receipt-" + fresh.token(0, 12)), Option.none(), message.from(),
                    Option.none(), Array.of(new Receipt.Received(message.id())));
            return Step.of(s, new SessionOutput.Send(receipt), ClientSession.notify(new SessionEvent.StanzaReceived(stanza)));
        }
        if (stanza instanceof Iq iq && iq.type().isRequest()
                && iq.payload().exists(p -> s.context().config().handledRequests().contains(p.getClass()))) {
            return Step.of(s, ClientSession.notify(new SessionEvent.StanzaReceived(stanza))); // the application answers it
        }
        if (stanza instanceof Iq iq && iq.type().isRequest()) {
            return Step.of(s, Array.of(new SessionOutput.Send(s.context().config().services().answer(iq, fresh.now(), Option.none()))));
        }
        if (stanza instanceof Iq iq && s.pendingIqs().contains(iq.iqId())) {
            return Step.of(new ClientState.Ready(s.context(), s.jid(), s.pendingIqs().remove(iq.iqId())),
                    new SessionOutput.CancelTimer(TimerKey.iq(iq.iqId())),
                    ClientSession.notify(new SessionEvent.StanzaReceived(stanza)));
        }
        return Step.of(s, ClientSession.notify(new SessionEvent.StanzaReceived(stanza)));
    }
}
