package dev.starling.machine.stream.client;

import dev.starling.machine.sasl.SaslClient;
import dev.starling.model.jid.Jid;
import dev.starling.model.stream.StreamFeatures;

/**
 * The states of a client stream, each named for what it expects next (RFC 6120 §4 to §7, the
 * client half of the §9.1 walkthrough).
 */
public sealed interface ClientState {

    /** The context so far. */
    ClientContext context();

    /** Before the TCP connection is open. */
    record AwaitConnection(ClientContext context) implements ClientState {
    }

    /** TLS is being negotiated: direct TLS (XEP-0368) or after {@code <proceed/>} (RFC 6120 §5.4.3.3). */
    record ExpectTlsHandshake(ClientContext context) implements ClientState {
    }

    /** The client sent its stream header and waits for the server's (RFC 6120 §4.2). */
    record ExpectStreamHeader(ClientContext context) implements ClientState {
    }

    /**
     * The server's header arrived; the features come next (RFC 6120 §4.3.2).
     *
     * @param streamId the server's stream id
     */
    record ExpectFeatures(ClientContext context, String streamId) implements ClientState {
    }

    /** {@code <starttls/>} was sent; the server answers {@code <proceed/>} or {@code <failure/>} (RFC 6120 §5.4.2). */
    record ExpectTlsProceed(ClientContext context) implements ClientState {
    }

    /**
     * {@code <auth/>} was sent; challenges, success or failure come next (RFC 6120 §6.4).
     *
     * @param sasl     the mechanism's current state
     * @param offered      the mechanisms the server offered, for a retry with another one
     * @param bindingTypes the channel-binding types the server announced (XEP-0440)
     * @param aborting     whether the client sent {@code <abort/>} and waits for the failure
     */
    record ExpectSaslOutcome(ClientContext context, SaslClient sasl, io.vavr.collection.Seq<String> offered,
                             io.vavr.collection.Seq<String> bindingTypes, boolean aborting) implements ClientState {
    }

    /**
     * The bind request was sent (RFC 6120 §7.5).
     *
     * @param iqId             the request's id
     * @param askedForResource whether the request named a resource (a conflict is retried without)
     * @param sessionRequired  whether the server requires the legacy session request afterwards
     */
    record ExpectBindResult(ClientContext context, String iqId, boolean askedForResource, boolean sessionRequired)
            implements ClientState {
    }

    /**
     * The legacy session request was sent (RFC 3921 §3).
     *
     * @param jid  the bound JID
     * @param iqId the request's id
     */
    record ExpectSessionResult(ClientContext context, Jid jid, String iqId) implements ClientState {
    }

    /**
     * The registration fields were asked for (XEP-0077 §3.1 Example 1).
     *
     * @param features the features to go on with once registered
     * @param streamId the server's stream id
     * @param iqId     the request's id
     */
    record ExpectRegistrationForm(ClientContext context, StreamFeatures features, String streamId, String iqId)
            implements ClientState {
    }

    /**
     * The filled registration was sent (XEP-0077 §3.1 Example 4 or 11).
     *
     * @param features the features to go on with once registered
     * @param streamId the server's stream id
     * @param iqId     the request's id
     */
    record ExpectRegistrationResult(ClientContext context, StreamFeatures features, String streamId, String iqId)
            implements ClientState {
    }

    /**
     * The non-SASL authentication fields were asked for (XEP-0078 §2 Example 1).
     *
     * @param streamId the server's stream id, which the digest hashes
     * @param iqId     the request's id
     */
    record ExpectLegacyAuthFields(ClientContext context, String streamId, String iqId) implements ClientState {
    }

    /**
     * The non-SASL credentials were sent (XEP-0078 §2 Example 3 or 4).
     *
     * @param iqId the request's id
     * @param jid  the full JID the session will have
     */
    record ExpectLegacyAuthResult(ClientContext context, String iqId, Jid jid) implements ClientState {
    }

    /**
     * Negotiation is complete; stanzas flow (RFC 6120 §4.3.5).
     *
     * @param jid        the bound full JID
     * @param pendingIqs the ids of IQ requests sent and not yet answered (RFC 6120 §8.2.3)
     */
    record Ready(ClientContext context, Jid jid, io.vavr.collection.Set<String> pendingIqs) implements ClientState {
    }

    /**
     * The client sent {@code </stream:stream>} and waits for the server's (RFC 6120 §4.4).
     *
     * @param reported whether the application was already told the session ended
     */
    record Closing(ClientContext context, boolean reported) implements ClientState {
    }

    /** The session is over; every input is ignored. */
    record Closed(ClientContext context) implements ClientState {
    }
}
