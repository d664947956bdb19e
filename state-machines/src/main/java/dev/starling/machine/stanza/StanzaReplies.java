package dev.starling.machine.stanza;

import dev.starling.model.Extension;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.MessageType;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.control.Option;

/**
 * Replies to stanzas, RFC 6120 §8.2.3 and §8.3.1: a result or error goes back to the sender
 * with the same id and kind, 'to' and 'from' swapped; an error includes the error element and may
 * include the original payload. Nothing answers an error with an error (§8.3.1 rule 1).
 */
public final class StanzaReplies {

    private StanzaReplies() {
    }

    /** The empty result of an IQ request (RFC 6120 §8.2.3). */
    public static Iq result(Iq request) {
        return new Iq(IqType.RESULT, request.iqId(), request.to(), request.from(), Option.none(), Array.empty());
    }

    /** The result of an IQ request carrying one payload. */
    public static Iq result(Iq request, Extension payload) {
        return new Iq(IqType.RESULT, request.iqId(), request.to(), request.from(), Option.none(), Array.of(payload));
    }

    /**
     * The error reply to an IQ request without the request's payload, for requests that carry
     * secrets (XEP-0077 §3.3, XEP-0078 §2: errors "SHOULD NOT" echo the credentials).
     */
    public static Iq errorWithoutPayload(Iq request, StanzaError error) {
        return new Iq(IqType.ERROR, request.iqId(), request.to(), request.from(), Option.none(), Array.of(error));
    }

    /** The error reply to a stanza, or none if it is itself an error (RFC 6120 §8.3.1). */
    public static Option<Stanza> error(Stanza stanza, StanzaError error) {
        if (stanza instanceof Iq iq) {
            if (iq.type() == IqType.ERROR || iq.type() == IqType.RESULT) {
                return Option.none(); // responses are never answered (RFC 6120 §8.2.3)
            }
            Array<Extension> children = Array.<Extension>ofAll(iq.payload()).append(error);
            return Option.some(new Iq(IqType.ERROR, iq.iqId(), iq.to(), iq.from(), Option.none(), children));
        }
        if (stanza instanceof Message message) {
            if (message.effectiveType() == MessageType.ERROR) {
                return Option.none();
            }
            return Option.some(new Message(Option.some(MessageType.ERROR), message.id(), message.to(), message.from(),
                    Option.none(), message.children().filter(c -> !(c instanceof StanzaError)).append(error)));
        }
        Presence presence = (Presence) stanza;
        if (presence.type().contains(PresenceType.ERROR)) {
            return Option.none();
        }
        return Option.some(new Presence(Option.some(PresenceType.ERROR), presence.id(), presence.to(), presence.from(),
                Option.none(), Array.of(error)));
    }

    /**
     * The error reply to a stanza its codec refused, built from the raw element (its id and its
     * addresses when they parse), or none if it was an error or a response itself.
     */
    public static Option<Stanza> error(Element malformed, StanzaErrorCondition condition, String text) {
        if (!Namespaces.isContentNamespace(malformed.namespace())) {
            return Option.none();
        }
        String type = malformed.attribute("type").getOrElse("");
        Option<String> id = malformed.attribute("id");
        Option<Jid> from = malformed.attribute("from").flatMap(f -> Jid.parse(f).toOption());
        Option<Jid> to = malformed.attribute("to").flatMap(t -> Jid.parse(t).toOption());
        StanzaError error = StanzaError.of(condition).withText(text);
        switch (malformed.localName()) {
            case "iq":
                if (type.equals("result") || type.equals("error") || id.isEmpty()) {
                    return Option.none();
                }
                return Option.some(new Iq(IqType.ERROR, id.get(), to, from, Option.none(), Array.of(error)));
            case "message":
                return type.equals("error") ? Option.none()
                        : Option.some(new Message(Option.some(MessageType.ERROR), id, to, from, Option.none(), Array.of(error)));
            case "presence":
                return type.equals("error") ? Option.none()
                        : Option.some(new Presence(Option.some(PresenceType.ERROR), id, to, from, Option.none(), Array.of(error)));
            default:
                return Option.none();
        }
    }
}
