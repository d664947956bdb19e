package dev.starling.conformance.im;

import dev.starling.machine.im.AccountInput;
import dev.starling.machine.im.AccountOutput;
import dev.starling.machine.im.Overload;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.RosterQuery;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.PresenceType;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.StanzaErrorType;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Overload}: what an account entity answers for an input the server has no room to queue.
 * Requests from the account's own resources get {@code resource-constraint}, type wait (RFC 6120
 * §8.3.3.18), back to that resource; messages, IQ requests and subscription stanzas from others
 * get it back to their sender; broadcast presence, IQ results and errors get nothing; a session's
 * binding and ending are never refusable.
 */
class OverloadTest {

    private static final Jid JULIET = Jid.of("juliet@example.com/balcony");
    private static final Jid ROMEO = Jid.of("romeo@example.net/orchard");

    @Test
    void ownRequestsAreRefusedToTheAskingResource() {
        Iq get = Iq.of(IqType.GET, "r1", RosterQuery.get()).withFrom(Option.some(JULIET));
        assertRefused(Overload.refusal(new AccountInput.RosterRequest("balcony", get, RosterQuery.get())), "balcony", JULIET);
        Message out = Message.chat(ROMEO, "hi").withFrom(Option.some(JULIET));
        assertRefused(Overload.refusal(new AccountInput.OutboundStanza(out)), "balcony", JULIET);
        Presence subscribe = Presence.of(PresenceType.SUBSCRIBE).withFrom(Option.some(JULIET)).withTo(Option.some(ROMEO.bare()));
        assertRefused(Overload.refusal(new AccountInput.OutboundSubscription(subscribe)), "balcony", JULIET);
    }

    @Test
    void stanzasFromOthersAreRefusedToTheirSender() {
        Message in = Message.chat(JULIET.bare(), "hi").withFrom(Option.some(ROMEO));
        assertRefused(Overload.refusal(new AccountInput.InboundMessage(in)), null, ROMEO);
        Iq request = Iq.of(IqType.GET, "v1", RosterQuery.get()).withFrom(Option.some(ROMEO)).withTo(Option.some(JULIET));
        assertRefused(Overload.refusal(new AccountInput.InboundIq(request)), null, ROMEO);
        Presence subscribe = Presence.of(PresenceType.SUBSCRIBE).withFrom(Option.some(ROMEO.bare())).withTo(Option.some(JULIET.bare()));
        assertRefused(Overload.refusal(new AccountInput.InboundSubscription(subscribe)), null, ROMEO.bare());
    }

    @Test
    void presenceBroadcastsResponsesAndErrorsGetNothingAndSessionsAreAlwaysTaken() {
        assertThat(Overload.refusal(new AccountInput.OutboundPresence(Presence.available().withFrom(Option.some(JULIET))))).isEmpty();
        assertThat(Overload.refusal(new AccountInput.InboundPresence(Presence.available().withFrom(Option.some(ROMEO))))).isEmpty();
        Iq result = Iq.of(IqType.RESULT, "v1", RosterQuery.get()).withFrom(Option.some(ROMEO)).withTo(Option.some(JULIET));
        assertThat(Overload.refusal(new AccountInput.InboundIq(result))).isEmpty();
        assertThat(Overload.refusable(new AccountInput.ResourceBound("balcony"))).isFalse();
        assertThat(Overload.refusable(new AccountInput.ResourceGone("balcony"))).isFalse();
        assertThat(Overload.refusable(new AccountInput.InboundMessage(Message.chat(JULIET, "x")))).isTrue();
    }

    private static void assertRefused(Seq<AccountOutput> outputs, String resource, Jid to) {
        assertThat(outputs).singleElement().satisfies(output -> {
            Stanza error = resource == null ? ((AccountOutput.ToContact) output).stanza() : ((AccountOutput.ToResource) output).stanza();
            if (resource != null) {
                assertThat(((AccountOutput.ToResource) output).resource()).isEqualTo(resource);
            }
            assertThat(error.to()).contains(to);
            assertThat(error.error().map(e -> e.condition())).contains(StanzaErrorCondition.RESOURCE_CONSTRAINT);
            assertThat(error.error().map(e -> e.type())).contains(StanzaErrorType.WAIT);
        });
    }
}
