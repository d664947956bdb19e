package dev.starling.io.session;

import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.machine.session.SessionInput;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stream.StreamElement;
import io.vavr.control.Either;

/**
 * Turns what the stream decoder reports into session inputs: headers, top-level elements
 * decoded to their records (with the registered payloads of stanzas typed too, so machines can
 * dispatch on types), refused elements with the stanza error that answers them, the peer's
 * close, and decoder failures.
 */
public final class DecodedInputs {

    private DecodedInputs() {
    }

    /** The session input for one decoder event. */
    public static SessionInput toInput(StreamEvent event, CodecRegistry registry, String contentNamespace) {
        if (event instanceof StreamEvent.StreamOpened opened) {
            return new SessionInput.HeaderReceived(opened.header());
        }
        if (event instanceof StreamEvent.StreamClosed) {
            return new SessionInput.PeerClosedStream();
        }
        if (event instanceof StreamEvent.StreamFailed failed) {
            return new SessionInput.InputFailed(failed.error());
        }
        StreamEvent.TopLevelElement top = (StreamEvent.TopLevelElement) event;
        Either<CodecError, StreamElement> decoded = registry.decodeTopLevel(top.element(), contentNamespace)
                .flatMap(value -> value instanceof Stanza stanza
                        ? registry.typePayloads(stanza, contentNamespace).map(StreamElement.class::cast)
                        : Either.right(value));
        return decoded.isRight()
                ? new SessionInput.Received(decoded.get())
                : new SessionInput.ReceivedMalformed(top.element(), decoded.getLeft().condition(), decoded.getLeft().reason());
    }
}
