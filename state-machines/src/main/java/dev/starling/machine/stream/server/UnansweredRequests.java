package dev.starling.machine.stream.server;

import dev.starling.machine.session.SessionOutput;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;

/**
 * The IQ requests a client session was given and has not answered (RFC 6120 §8.2.3: every get
 * and set gets exactly one result or error). When the session ends first, each is answered for
 * it with {@code service-unavailable}, as RFC 6121 §8.5.3.1 answers an IQ to a full JID that has
 * no session, so the requester learns at once instead of waiting for a timeout (an IBB sender
 * whose receiver logged out mid-stream, XEP-0047). A request delivered while the stream is
 * closing, or after it closed, is answered the same way at once. At most {@link #LIMIT} requests are remembered per
 * session; beyond that they are delivered untracked.
 */
final class UnansweredRequests {

    /** The most requests remembered per session. */
    static final int LIMIT = 256;

    private UnansweredRequests() {
    }

    /** Remembers a request being delivered to the client. */
    static Map<String, Iq> delivered(Map<String, Iq> unanswered, Stanza stanza) {
        if (stanza instanceof Iq iq && iq.type().isRequest() && iq.from().isDefined() && unanswered.size() < LIMIT) {
            return unanswered.put(key(iq.from().get().toString(), iq.iqId()), iq);
        }
        return unanswered;
    }

    /** Forgets the request a response from the client answers. */
    static Map<String, Iq> answered(Map<String, Iq> unanswered, Stanza stanza) {
        if (stanza instanceof Iq iq && !iq.type().isRequest() && iq.to().isDefined() && !unanswered.isEmpty()) {
            return unanswered.remove(key(iq.to().get().toString(), iq.iqId()));
        }
        return unanswered;
    }

    /** The error answers for requests the session will never answer, to route back to their senders. */
    static Seq<SessionOutput> bounced(Seq<Iq> requests) {
        StanzaError error = StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE).withText("the recipient's session ended before it answered");
        return requests.map(iq -> (SessionOutput) new SessionOutput.Route(StanzaReplies.errorWithoutPayload(iq, error)));
    }

    private static String key(String requester, String id) {
        return requester + '\u0000' + id;
    }
}
