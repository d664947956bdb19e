package dev.starling.machine.session;

import dev.starling.model.stream.StreamError;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * Why a session ended: the stream errors exchanged (RFC 6120 §4.9), if any, and what happened.
 *
 * @param received    the stream error the peer sent, if any
 * @param sent        the stream error this side sent, if any
 * @param description what happened, in words
 */
public record CloseReason(Option<StreamError> received, Option<StreamError> sent, String description) {

    public CloseReason {
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(description, "description");
    }

    /** An orderly close without errors. */
    public static CloseReason orderly(String description) {
        return new CloseReason(Option.none(), Option.none(), description);
    }

    /** This side closed the stream with an error. */
    public static CloseReason sent(StreamError error) {
        return new CloseReason(Option.none(), Option.some(error), "sent " + error.describe());
    }

    /** The peer closed the stream with an error. */
    public static CloseReason received(StreamError error) {
        return new CloseReason(Option.some(error), Option.none(), "received " + error.describe());
    }
}
