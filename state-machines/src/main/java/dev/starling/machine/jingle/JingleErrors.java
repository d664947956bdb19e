package dev.starling.machine.jingle;

import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.element.Element;
import dev.starling.model.jingle.Jingle;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.StanzaErrorType;
import io.vavr.control.Option;

/** The Jingle errors of XEP-0166 §10: a stanza error with the Jingle-specific condition. */
final class JingleErrors {

    private JingleErrors() {
    }

    /** item-not-found with unknown-session (Example 29). */
    static Iq unknownSession(Iq request) {
        return error(request, StanzaErrorType.CANCEL, StanzaErrorCondition.ITEM_NOT_FOUND, "unknown-session");
    }

    /** unexpected-request with out-of-order (§10). */
    static Iq outOfOrder(Iq request) {
        return error(request, StanzaErrorType.WAIT, StanzaErrorCondition.UNEXPECTED_REQUEST, "out-of-order");
    }

    private static Iq error(Iq request, StanzaErrorType type, StanzaErrorCondition condition, String jingleCondition) {
        return StanzaReplies.errorWithoutPayload(request, new StanzaError(type, condition, Option.none(), Option.none(), Option.none(),
                Option.some(Element.of(Jingle.ERRORS_NAMESPACE, jingleCondition)), Option.none()));
    }
}
