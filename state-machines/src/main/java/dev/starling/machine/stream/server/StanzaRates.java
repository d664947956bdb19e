package dev.starling.machine.stream.server;

import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.MessageType;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.StanzaErrorType;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * A client session's stanza rates (XEP-0205 §3, "Multiple Recipients" and the note on presence
 * amplifiers): each stanza takes a token from the session's bucket, a presence stanza one from its
 * presence bucket too. Over a limit, the stanza is refused as XEP-0205's example shows:
 * {@code unexpected-request} of type {@code wait} with {@code <too-many-stanzas/>}.
 */
final class StanzaRates {

    /** XEP-0205's application-specific conditions. */
    static final String ERRORS_NAMESPACE = "urn:xmpp:errors";

    private StanzaRates() {
    }

    /** The session with the stanza counted, or none when the stanza is over a limit. */
    static Option<ServerState.Ready> take(ServerState.Ready s, Stanza stanza, Instant now) {
        StanzaLimits limits = s.context().config().limits();
        Option<TokenBucket> stanzas = limits.stanzas().isEmpty() ? Option.some(s.stanzas()) : s.stanzas().take(limits.stanzas().get(), now);
        if (stanzas.isEmpty()) {
            return Option.none();
        }
        if (!(stanza instanceof Presence) || limits.presence().isEmpty()) {
            return Option.some(s.withBuckets(stanzas.get(), s.presence()));
        }
        return s.presence().take(limits.presence().get(), now).map(presence -> s.withBuckets(stanzas.get(), presence));
    }

    /** The error for a stanza over a limit, from the server and without its payload; none for an error, which is never answered. */
    static Option<Stanza> refusal(Stanza stanza, Jid server) {
        StanzaError error = StanzaError.of(StanzaErrorType.WAIT, StanzaErrorCondition.UNEXPECTED_REQUEST)
                .withApplicationCondition(Element.of(ERRORS_NAMESPACE, "too-many-stanzas"));
        Option<Jid> sender = stanza.from();
        if (stanza instanceof Iq iq) { // a request: responses are not counted
            return Option.some(StanzaReplies.errorWithoutPayload(iq, error).withFrom(Option.some(server)));
        }
        if (stanza instanceof Message message) {
            return message.effectiveType() == MessageType.ERROR ? Option.none()
                    : Option.some(Message.empty().withType(MessageType.ERROR).withId(message.id()).withFrom(Option.some(server))
                            .withTo(sender).withChild(error));
        }
        Presence presence = (Presence) stanza;
        return presence.type().contains(PresenceType.ERROR) ? Option.none()
                : Option.some(Presence.of(PresenceType.ERROR).withId(presence.id()).withFrom(Option.some(server)).withTo(sender).withChild(error));
    }
}
