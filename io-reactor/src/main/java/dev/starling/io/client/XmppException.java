package dev.starling.io.client;

import dev.starling.machine.session.CloseReason;
import dev.starling.model.stanza.StanzaError;
import io.vavr.control.Option;

/**
 * Why a client operation failed: the session ended (with the stream error, if any), an IQ
 * came back as an error (with the stanza error) or timed out, a stanza was not written.
 */
public final class XmppException extends RuntimeException {

    private final Option<CloseReason> closeReason;
    private final Option<StanzaError> stanzaError;

    private XmppException(String message, Option<CloseReason> closeReason, Option<StanzaError> stanzaError) {
        super(message);
        this.closeReason = closeReason;
        this.stanzaError = stanzaError;
    }

    /** The session ended. */
    public static XmppException ended(CloseReason reason) {
        return new XmppException("session ended: " + reason.description(), Option.some(reason), Option.none());
    }

    /** An IQ request was answered with an error. */
    public static XmppException stanzaError(StanzaError error) {
        return new XmppException("error response: " + error.condition().wireName()
                + error.text().map(t -> " (" + t.text() + ")").getOrElse(""), Option.none(), Option.some(error));
    }

    /** An IQ request got no response in time. */
    public static XmppException timeout(String id) {
        return new XmppException("no response to IQ " + id + " in time", Option.none(), Option.none());
    }

    /** A stanza did not reach the socket: the session had ended, its queue was full, or the write failed. */
    public static XmppException notWritten(dev.starling.io.session.SessionRunner.NotWritten cause) {
        return new XmppException("not sent: " + cause.getMessage(), Option.none(), Option.none());
    }


    public Option<CloseReason> closeReason() {
        return closeReason;
    }

    public Option<StanzaError> stanzaError() {
        return stanzaError;
    }
}
