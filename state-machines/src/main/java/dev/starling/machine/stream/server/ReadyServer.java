package dev.starling.machine.stream.server;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.im.AccountEntity;
import dev.starling.machine.core.Step;
import dev.starling.machine.session.SessionEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.session.TimerKey;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.bind.Bind;
import dev.starling.model.blocking.BlockingCommand;
import dev.starling.model.bind.Session;
import dev.starling.model.jid.Jid;
import dev.starling.model.ping.Ping;
import dev.starling.model.register.Register;
import dev.starling.model.roster.RosterQuery;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import io.vavr.collection.Array;
import io.vavr.control.Option;

import java.time.Duration;

/**
 * A negotiated client stream on the server (RFC 6120 §4.3.5, §8, §10): the server checks and
 * stamps 'from' (§8.1.2.1; a 'from' the session may not use is invalid-from, §4.9.3.9), answers
 * IQ requests addressed to itself or to the account's bare JID (§10.3.3: the server answers for
 * the account; ping, version and disco here, the legacy session of RFC 3921 §3, anything else
 * service-unavailable, §8.4), hands roster, blocking, vCard and private storage requests to the
 * account's entity through the router (RFC 6121 §2, XEP-0191, XEP-0054, XEP-0049), and hands every
 * other stanza to the router. Stanzas the router
 * delivers are written out; malformed stanzas are answered with their error (§8.3). A stream idle
 * for the configured time gets a liveness ping (XEP-0199 §4.1, server-to-client) and ends with
 * connection-timeout (§4.9.3.4) if the answer does not come in time. IQ requests delivered and not
 * yet answered are remembered ({@link UnansweredRequests}) so that they can be bounced if the
 * session ends first. Stanzas over the session's rate limits are refused ({@link StanzaRates},
 * XEP-0205 §3).
 */
final class ReadyServer {

    private ReadyServer() {
    }

    static Step<ServerState, SessionOutput> step(ServerState.Ready s, SessionInput input, Fresh fresh) {
        if (input instanceof SessionInput.Deliver deliver) {
            return Step.of(s.withUnanswered(UnansweredRequests.delivered(s.unanswered(), deliver.stanza())),
                    new SessionOutput.Send(deliver.stanza()));
        }
        if (input instanceof SessionInput.Received received && received.element() instanceof Stanza stanza) {
            return receive(s, stanza, fresh);
        }
        if (input instanceof SessionInput.AccountUpdated updated) {
            return ServerRegistration.onUpdated(s, updated, fresh);
        }
        if (input instanceof SessionInput.TimerFired timer && timer.key().equals(TimerKey.IDLE)) {
            return onIdle(s, fresh);
        }
        if (input instanceof SessionInput.TimerFired timer && timer.key().equals(TimerKey.LIVENESS)) {
            return ServerSession.closeWith(s.context(), StreamError.of(StreamErrorCondition.CONNECTION_TIMEOUT,
                    "no answer to the ping (XEP-0199)"), fresh);
        }
        if (input instanceof SessionInput.ReceivedMalformed malformed) {
            return Step.of(s, StanzaReplies.error(malformed.element(), malformed.condition(), malformed.reason())
                    .map(reply -> (SessionOutput) new SessionOutput.Send(reply.withFrom(Option.some(s.context().config().domain()))))
                    .toArray());
        }
        return ServerSession.closeWith(s.context(), StreamError.of(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                "unexpected " + (input instanceof SessionInput.Received r ? r.element().getClass().getSimpleName()
                        : input.getClass().getSimpleName())), fresh);
    }

    private static Step<ServerState, SessionOutput> receive(ServerState.Ready before, Stanza stanza, Fresh fresh) {
        ServerState.Ready s = stanza instanceof Iq response && !response.type().isRequest() && !before.unanswered().isEmpty()
                ? before.withUnanswered(UnansweredRequests.answered(before.unanswered(), response)) : before;
        Jid full = s.jid();
        if (stanza.from().isDefined() && !stanza.from().get().equals(full) && !stanza.from().get().equals(full.bare())) {
            return ServerSession.closeWith(s.context(), StreamError.of(StreamErrorCondition.INVALID_FROM,
                    "'" + stanza.from().get() + "' is not this session's address (RFC 6120 §8.1.2.1)"), fresh);
        }
        Stanza stamped = stanza.withFrom(Option.some(full));
        if (stamped instanceof Iq response && !response.type().isRequest()) {
            return dispatch(s, stamped, fresh); // a response is not counted: it answers a request
        }
        Option<ServerState.Ready> within = StanzaRates.take(s, stamped, fresh.now());
        if (within.isEmpty()) {
            return Step.of(s, StanzaRates.refusal(stamped, s.context().config().domain())
                    .map(reply -> (SessionOutput) new SessionOutput.Send(reply)).toArray());
        }
        return dispatch(within.get(), stamped, fresh);
    }

    /** A stamped stanza within the rates: answered here, handed to the account's entity, or routed. */
    private static Step<ServerState, SessionOutput> dispatch(ServerState.Ready s, Stanza stamped, Fresh fresh) {
        if (stamped instanceof Iq iq && !iq.type().isRequest() && s.livenessPing().contains(iq.iqId())) {
            // XEP-0199 §4.1: a result or any error proves the client is there
            return Step.of(s.withLivenessPing(Option.none()), new SessionOutput.CancelTimer(TimerKey.LIVENESS));
        }
        if (stamped instanceof Iq iq && iq.type().isRequest() && forServer(iq, s) && iq.payload().getOrNull() instanceof Register query) {
            return ServerRegistration.afterAuthentication(s, iq, query);
        }
        if (stamped instanceof Iq iq && iq.type().isRequest() && forServer(iq, s) && forAccount(iq)) {
            return Step.of(s, new SessionOutput.Route(iq.to().isEmpty() || iq.to().get().equals(s.context().config().domain())
                    ? iq.withTo(Option.none()) : iq)); // the account's entity keeps these
        }
        if (stamped instanceof Iq iq && iq.type().isRequest() && forServer(iq, s)) {
            return Step.of(s, new SessionOutput.Send(answer(iq, s, fresh.now())));
        }
        if (stamped instanceof Iq iq && !iq.type().isRequest() && iq.to().forAll(to -> to.equals(s.context().config().domain()))) {
            return Step.of(s, ServerSession.notify(new SessionEvent.StanzaReceived(iq))); // a response to the server itself
        }
        return Step.of(s, Array.of(new SessionOutput.Route(stamped)));
    }

    /**
     * The stream was silent for the idle timeout: ping the client (XEP-0199 §4.1) and wait for the
     * answer, or close at once when pinging is off. The runner restarts the idle timer on any byte,
     * so a second idle period while the ping is out changes nothing: the liveness timer decides.
     */
    private static Step<ServerState, SessionOutput> onIdle(ServerState.Ready s, Fresh fresh) {
        Option<Duration> timeout = s.context().config().livenessTimeout();
        if (timeout.isEmpty()) {
            return ServerSession.closeWith(s.context(), StreamError.of(StreamErrorCondition.CONNECTION_TIMEOUT,
                    "no traffic for too long"), fresh);
        }
        if (s.livenessPing().isDefined()) {
            return Step.of(s);
        }
        String id = "ping-" + fresh.token(3, 16);
        Iq ping = Iq.of(IqType.GET, id, new Ping()).withFrom(Option.some(s.context().config().domain()))
                .withTo(Option.some(s.jid()));
        return Step.of(s.withLivenessPing(Option.some(id)), new SessionOutput.Send(ping),
                new SessionOutput.StartTimer(TimerKey.LIVENESS, timeout.get()));
    }

    /**
     * The requests the account's entity answers: its roster (RFC 6121 §2), its blocklist (XEP-0191),
     * its vCard (XEP-0054), its private storage (XEP-0049), its offline messages (XEP-0013) and its
     * privacy lists (XEP-0016).
     */
    private static boolean forAccount(Iq iq) {
        Object payload = iq.payload().getOrNull();
        return payload instanceof RosterQuery || payload instanceof BlockingCommand || payload instanceof dev.starling.model.privacy.PrivacyQuery
                || AccountEntity.isOfflineRequest(iq)
                || payload instanceof dev.starling.model.element.Element e
                && (e.is("vcard-temp", "vCard") || e.is("jabber:iq:private", "query"));
    }

    /** IQ requests with no 'to', to the domain or to the account's bare JID are the server's to answer. */
    private static boolean forServer(Iq iq, ServerState.Ready s) {
        return iq.to().isEmpty() || iq.to().get().equals(s.context().config().domain()) || iq.to().get().equals(s.jid().bare());
    }

    private static Stanza answer(Iq iq, ServerState.Ready s, java.time.Instant now) {
        Object payload = iq.payload().getOrNull();
        Stanza answer;
        if (payload instanceof Session) {
            answer = StanzaReplies.result(iq); // RFC 3921 §3: accepted, a no-op since RFC 6120
        } else if (payload instanceof Bind) {
            answer = StanzaReplies.error(iq, StanzaError.of(StanzaErrorCondition.NOT_ALLOWED)
                    .withText("a resource is already bound to this stream")).get();
        } else {
            answer = s.context().config().advertisedServices().answer(iq, now, s.context().config().startedAt());
        }
        return addressed(answer, iq, s);
    }

    /** A reply from the server to its client: from whom the request was addressed to (or the domain), to the session. */
    static Stanza addressed(Stanza reply, Iq request, ServerState.Ready s) {
        Jid responder = request.to().getOrElse(s.context().config().domain());
        return reply.withFrom(Option.some(responder)).withTo(Option.some(s.jid()));
    }
}
