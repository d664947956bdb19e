package dev.starling.conformance.filetransfer;

import dev.starling.conformance.im.ExampleStanzas;
import dev.starling.machine.oob.OobExchange;
import dev.starling.model.jid.Jid;
import dev.starling.model.oob.OutOfBand;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0066's examples through the codec and {@link OobExchange}: the offer (Example 1) read by
 * the recipient and written by the sender, the three answers (Examples 2 to 4) as the recipient
 * writes them and as the sender reads them, and the URL attached to a message (Example 5).
 */
class OobReplayTest {

    private static final String SPEC = "xep-0066";

    @Test
    void example1IsTheOfferBothWays() {
        Iq offer = (Iq) example(1);
        OutOfBand.Query query = OobExchange.read(offer, HashSet.of("http", "https")).get();
        assertThat(query).isEqualTo(new OutOfBand.Query("http://www.jabber.org/images/psa-license.jpg", Option.some("A license to Jabber!"),
                Option.none()));
        Iq written = OobExchange.offer("oob1", Jid.of("MaineBoy@jabber.org/home"), query.url(), query.desc());
        assertThat(ExampleStanzas.normalized(written)).isEqualTo(ExampleStanzas.normalized(offer.withFrom(Option.none())));
    }

    @Test
    void theRecipientsAnswersAreExamples2To4AndTheSenderReadsThem() {
        Iq offer = (Iq) example(1);
        assertThat(ExampleStanzas.normalized(OobExchange.fetched(offer))).isEqualTo(ExampleStanzas.normalized(example(2)));
        assertThat(ExampleStanzas.normalized(OobExchange.notFound(offer))).isEqualTo(ExampleStanzas.normalized(example(3)));
        assertThat(ExampleStanzas.normalized(OobExchange.reject(offer))).isEqualTo(ExampleStanzas.normalized(example(4)));
        assertThat(OobExchange.outcome((Iq) example(2))).isEqualTo(OobExchange.Outcome.FETCHED);
        assertThat(OobExchange.outcome((Iq) example(3))).isEqualTo(OobExchange.Outcome.NOT_FOUND);
        assertThat(OobExchange.outcome((Iq) example(4))).isEqualTo(OobExchange.Outcome.REJECTED);
    }

    @Test
    void example5AttachesTheUrlToAMessage() {
        Message message = (Message) example(5);
        assertThat(message.children()).contains(new OutOfBand.Attached("http://www.jabber.org/images/psa-license.jpg", Option.none()));
    }

    @Test
    void aSchemeTheRecipientDoesNotFetchIsDeclinedAndAGetIsBadRequest() {
        Iq offer = OobExchange.offer("x", Jid.of("juliet@example.com/balcony"), "file:///etc/passwd", Option.none())
                .withFrom(Option.some(Jid.of("romeo@example.net/orchard")));
        Iq refused = OobExchange.read(offer, HashSet.of("http", "https")).getLeft();
        assertThat(refused.error().get().condition()).isEqualTo(StanzaErrorCondition.NOT_ACCEPTABLE);
        Iq get = new Iq(dev.starling.model.stanza.IqType.GET, "g", offer.from(), offer.to(), Option.none(), offer.children());
        assertThat(OobExchange.read(get, HashSet.of("http")).getLeft().error().get().condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    }

    private static Stanza example(int number) {
        return ExampleStanzas.stanzas(SPEC, number).single();
    }
}
