package dev.starling.machine.stream.server;

import dev.starling.machine.sasl.Authenticated;
import dev.starling.machine.sasl.SaslServer;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;

/**
 * The states of a client stream on the server, each named for what it expects next (RFC 6120
 * §4 to §7, the server half of the §9.1 walkthrough).
 */
public sealed interface ServerState {

    /** The context so far. */
    ServerContext context();

    /** Before the TCP connection is accepted. */
    record AwaitConnection(ServerContext context) implements ServerState {
    }

    /** TLS is being negotiated: direct TLS (XEP-0368) or after {@code <proceed/>} (RFC 6120 §5.4.3.3). */
    record ExpectTlsHandshake(ServerContext context) implements ServerState {
    }

    /** Waiting for the client's initial stream header (RFC 6120 §4.2). */
    record ExpectStreamHeader(ServerContext context) implements ServerState {
    }

    /** Features were sent; the client picks one (STARTTLS, SASL or binding, RFC 6120 §4.3.2). */
    record ExpectFeatureChoice(ServerContext context) implements ServerState {
    }

    /**
     * A challenge was sent; a response or an abort comes next (RFC 6120 §6.4.3).
     *
     * @param sasl the mechanism's current state
     */
    record ExpectSaslResponse(ServerContext context, SaslServer sasl) implements ServerState {
    }

    /**
     * The shell is loading the account's credentials.
     *
     * @param sasl the mechanism waiting for them
     */
    record AwaitCredentials(ServerContext context, SaslServer sasl) implements ServerState {
    }

    /**
     * The router is deciding a resource binding (RFC 6120 §7.7).
     *
     * @param request the client's bind request
     */
    record AwaitBindDecision(ServerContext context, Iq request) implements ServerState {
    }

    /**
     * The shell is creating the account an unauthenticated client registered (XEP-0077 §3.1).
     *
     * @param request the registration request, answered when the store has decided
     */
    record AwaitRegistration(ServerContext context, Iq request) implements ServerState {
    }

    /**
     * The shell is loading the credentials for a non-SASL login (XEP-0078 §2).
     *
     * @param request  the client's {@code set}
     * @param username the prepared username
     * @param password the plaintext password to check
     * @param resource the resource to bind
     */
    record AwaitLegacyCredentials(ServerContext context, Iq request, String username, String password, String resource)
            implements ServerState {

        @Override
        public String toString() {
            return "AwaitLegacyCredentials[username=" + username + ", resource=" + resource + "]";
        }
    }

    /**
     * The password of a non-SASL login matched; the router is binding its resource (XEP-0078 §2).
     *
     * @param identity who logged in
     * @param request  the client's {@code set}, answered once the resource is bound
     */
    record AwaitLegacyBind(ServerContext context, Authenticated identity, Iq request)
            implements ServerState {
    }

    /**
     * Negotiation is complete; stanzas flow (RFC 6120 §4.3.5).
     *
     * @param jid          the session's full JID
     * @param livenessPing the id of the liveness ping awaiting its answer (XEP-0199 §4.1), if one is out
     * @param unanswered   IQ requests delivered to the client and not answered yet, by requester and id
     *                     ({@link UnansweredRequests}), bounced if the session ends first
     * @param stanzas      what is left of the session's stanza rate ({@link StanzaLimits#stanzas()})
     * @param presence     what is left of its presence rate ({@link StanzaLimits#presence()})
     */
    record Ready(ServerContext context, Jid jid, io.vavr.control.Option<String> livenessPing,
                 io.vavr.collection.Map<String, dev.starling.model.stanza.Iq> unanswered,
                 TokenBucket stanzas, TokenBucket presence) implements ServerState {

        /** A session just bound, with no request delivered yet. */
        Ready(ServerContext context, Jid jid) {
            this(context, jid, io.vavr.control.Option.none(), io.vavr.collection.LinkedHashMap.empty(), TokenBucket.UNUSED, TokenBucket.UNUSED);
        }

        Ready withLivenessPing(io.vavr.control.Option<String> id) {
            return new Ready(context, jid, id, unanswered, stanzas, presence);
        }

        Ready withUnanswered(io.vavr.collection.Map<String, dev.starling.model.stanza.Iq> requests) {
            return new Ready(context, jid, livenessPing, requests, stanzas, presence);
        }

        Ready withBuckets(TokenBucket newStanzas, TokenBucket newPresence) {
            return new Ready(context, jid, livenessPing, unanswered, newStanzas, newPresence);
        }
    }

    /**
     * The server sent {@code </stream:stream>} and waits for the client's (RFC 6120 §4.4).
     *
     * @param reported whether the assembly was already told the session ended
     */
    record Closing(ServerContext context, boolean reported) implements ServerState {
    }

    /** The session is over; every input is ignored. */
    record Closed(ServerContext context) implements ServerState {
    }
}
