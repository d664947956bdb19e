package dev.starling.machine.session;

import dev.starling.machine.sasl.ChannelBinding;
import dev.starling.machine.sasl.StoredCredentials;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.machine.account.AccountOperation;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stream.StreamElement;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamHeader;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Everything that can happen to a session, in the one order the shell feeds it. */
public sealed interface SessionInput {

    /**
     * The TCP connection is open.
     *
     * @param directTls whether TLS starts before any XML (XEP-0368); the shell then reports
     *                  {@link TlsEstablished} before anything else
     */
    record Connected(boolean directTls) implements SessionInput {
    }

    /**
     * The TLS handshake completed.
     *
     * @param bindings               the channel bindings this connection offers (RFC 5929, RFC 9266)
     * @param certificateIdentities  the identities of the peer's verified client certificate
     *                               (server side, for SASL EXTERNAL), empty if none
     */
    record TlsEstablished(Seq<ChannelBinding> bindings, Seq<String> certificateIdentities) implements SessionInput {
    }

    /**
     * The TLS handshake failed (including a server certificate that did not verify).
     *
     * @param reason what went wrong
     */
    record TlsFailed(String reason) implements SessionInput {
    }

    /**
     * The peer's stream header arrived.
     *
     * @param header the header
     */
    record HeaderReceived(StreamHeader header) implements SessionInput {
    }

    /**
     * A top-level element arrived and decoded: a typed value, or an {@link Element} nobody registered.
     *
     * @param element the element
     */
    record Received(StreamElement element) implements SessionInput {
    }

    /**
     * A top-level element arrived that its codec refused (RFC 6120 §8.3.3.1 bad-request,
     * §8.3.3.8 jid-malformed).
     *
     * @param element   the element as received
     * @param condition the stanza error condition that answers it
     * @param reason    what is wrong
     */
    record ReceivedMalformed(Element element, StanzaErrorCondition condition, String reason) implements SessionInput {
    }

    /** The peer closed its stream with {@code </stream:stream>} (RFC 6120 §4.4). */
    record PeerClosedStream() implements SessionInput {
    }

    /**
     * The peer's bytes broke the XML rules; the stream must end with this error (RFC 6120 §4.9.1).
     *
     * @param error the error to send
     */
    record InputFailed(StreamError error) implements SessionInput {
    }

    /** The TCP connection is gone. */
    record TransportClosed() implements SessionInput {
    }

    /**
     * A timer this session started has fired.
     *
     * @param key the timer
     */
    record TimerFired(TimerKey key) implements SessionInput {
    }

    /**
     * The shell's answer to {@link SessionOutput.LookupCredentials}.
     *
     * @param credentials the stored credentials, none if there is no such account
     */
    record CredentialsLoaded(Option<StoredCredentials> credentials) implements SessionInput {
    }

    /**
     * The router's answer to {@link SessionOutput.RequestBinding}.
     *
     * @param outcome the bound full JID, or the stanza error for the client (e.g. conflict)
     */
    record BindDecided(Either<StanzaError, Jid> outcome) implements SessionInput {
    }

    /**
     * A stanza the router delivers to this session's client.
     *
     * @param stanza the stanza to send
     */
    record Deliver(Stanza stanza) implements SessionInput {
    }

    /**
     * The application sends a stanza (client side).
     *
     * @param stanza the stanza
     */
    record SendStanza(Stanza stanza) implements SessionInput {
    }

    /** The application or server asks to end the session in an orderly way. */
    record Close() implements SessionInput {
    }

    /**
     * The server ends the session with an error, e.g. when another session took over its
     * resource ({@code conflict}, RFC 6120 §4.9.3.3) or on shutdown ({@code system-shutdown}).
     *
     * @param error the error to send
     */
    record Terminate(StreamError error) implements SessionInput {
    }

    /**
     * The shell's answer to {@link SessionOutput.UpdateAccount}.
     *
     * @param request   the client's request
     * @param operation the change that was asked
     * @param outcome   true if done; false if the username is taken (create) or the account does
     *                  not exist (change, delete); the store's failure otherwise
     */
    record AccountUpdated(Iq request, AccountOperation operation, Either<String, Boolean> outcome)
            implements SessionInput {
    }
}
