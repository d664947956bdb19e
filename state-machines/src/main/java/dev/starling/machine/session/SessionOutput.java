package dev.starling.machine.session;

import dev.starling.machine.account.AccountOperation;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stream.StreamElement;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamHeader;
import io.vavr.control.Option;

import java.time.Duration;

/**
 * What a session machine asks the I/O shell to do. The shell performs these in order and makes
 * no protocol decision of its own.
 */
public sealed interface SessionOutput {

    /**
     * Write a stream header (preceded by an XML declaration, RFC 6120 §4.7).
     *
     * @param header the header to write
     */
    record SendHeader(StreamHeader header) implements SessionOutput {
    }

    /**
     * Write a top-level element.
     *
     * @param element the element to write
     */
    record Send(StreamElement element) implements SessionOutput {
    }

    /** Write a single space: a whitespace keepalive (RFC 6120 §4.6.1). */
    record SendKeepalive() implements SessionOutput {
    }

    /**
     * Start TLS on the connection now (RFC 6120 §5.4.3.3): everything written before this output
     * leaves unencrypted, everything after it is encrypted; the shell answers with
     * {@link SessionInput.TlsEstablished} or {@link SessionInput.TlsFailed}.
     */
    record StartTls() implements SessionOutput {
    }

    /** Discard the parser state and expect a new stream header (RFC 6120 §4.3.3). */
    record RestartStream() implements SessionOutput {
    }

    /**
     * Close the stream: write the error if there is one, then {@code </stream:stream>}
     * (RFC 6120 §4.4, §4.9.1.1). The transport is closed when the peer closes its stream or
     * the closing timer fires.
     *
     * @param error the stream error to send first, if any
     */
    record CloseStream(Option<StreamError> error) implements SessionOutput {
    }

    /** Close the TCP connection now. */
    record CloseTransport() implements SessionOutput {
    }

    /**
     * Start (or restart) a timer; the shell answers with {@link SessionInput.TimerFired}.
     *
     * @param key   the timer's name
     * @param after when it fires
     */
    record StartTimer(TimerKey key, Duration after) implements SessionOutput {
    }

    /**
     * Cancel a timer if it is running.
     *
     * @param key the timer's name
     */
    record CancelTimer(TimerKey key) implements SessionOutput {
    }

    /**
     * Tell the application or the server assembly something.
     *
     * @param event the event
     */
    record Notify(SessionEvent event) implements SessionOutput {
    }

    /**
     * Server: load the stored SASL credentials of an account; the shell answers with
     * {@link SessionInput.CredentialsLoaded}.
     *
     * @param username the username to look up
     */
    record LookupCredentials(String username) implements SessionOutput {
    }

    /**
     * Server: ask the router to bind a resource for the account (RFC 6120 §7.7); the shell
     * answers with {@link SessionInput.BindDecided}.
     *
     * @param request what the client asked for
     */
    record RequestBinding(BindingRequest request) implements SessionOutput {
    }

    /**
     * Server: hand a stanza from this session's client to the router (RFC 6120 §10), its
     * {@code from} already stamped with the session's full JID.
     *
     * @param stanza the stanza to route
     */
    record Route(Stanza stanza) implements SessionOutput {
    }

    /**
     * Server: change the account store (XEP-0077); the shell derives SCRAM credentials from any
     * password, performs the change and answers with {@link SessionInput.AccountUpdated}.
     *
     * @param request   the client's request, to be answered when the change is done
     * @param operation the change
     */
    record UpdateAccount(Iq request, AccountOperation operation)
            implements SessionOutput {
    }

    /**
     * Server: end every other session of this account with this stream error (XEP-0077 §3.2:
     * a removed account's sessions get {@code not-authorized}).
     *
     * @param account the account's bare JID
     * @param error   the stream error to end them with
     */
    record EndAccountSessions(Jid account, StreamError error) implements SessionOutput {
    }
}
