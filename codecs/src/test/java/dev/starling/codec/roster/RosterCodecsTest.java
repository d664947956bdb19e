package dev.starling.codec.roster;

import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlStreamDecoder;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.ItemSubscription;
import dev.starling.model.roster.RosterItem;
import dev.starling.model.roster.RosterQuery;
import dev.starling.model.roster.RosterVersioningFeature;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stream.StreamFeatures;
import io.vavr.collection.Array;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RosterCodecsTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final String HEADER = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

    /** RFC 6121 §2.6.3 (Example 55's item) with what the server adds: ask, approved, two groups. */
    @Test
    void decodesEveryAttributeOfAnItem() {
        Iq push = (Iq) REGISTRY.typePayloads((Iq) REGISTRY.decodeTopLevel(element("<iq type='set' id='p1'><query xmlns='jabber:iq:roster' ver='ver34'>"
                + "<item jid='romeo@example.net' name='Romeo' subscription='both' ask='subscribe' approved='true'>"
                + "<group>Friends</group><group>Lovers</group></item></query></iq>"), Namespaces.CLIENT).get(), Namespaces.CLIENT).get();

        RosterQuery query = (RosterQuery) push.payload().get();
        assertThat(query.ver()).contains("ver34");
        assertThat(query.items()).containsExactly(new RosterItem(Jid.of("romeo@example.net"), Option.some("Romeo"),
                Option.some(ItemSubscription.BOTH), true, true, Array.of("Friends", "Lovers")));
    }

    @Test
    void encodesWhatItDecodes() {
        RosterQuery query = new RosterQuery(Option.some("v1"), Array.of(
                RosterItem.of(Jid.of("nurse@example.com")).withName(Option.some("Nurse")).withSubscription(ItemSubscription.NONE)
                        .withAsk(true).withGroups(Array.of("Servants", "")),
                RosterItem.of(Jid.of("juliet@example.com")).withSubscription(ItemSubscription.REMOVE)));
        Iq iq = Iq.of(dev.starling.model.stanza.IqType.SET, "s1", query);

        Element encoded = REGISTRY.encode(iq, Namespaces.CLIENT);
        assertThat(REGISTRY.typePayloads((Iq) REGISTRY.decodeTopLevel(encoded, Namespaces.CLIENT).get(), Namespaces.CLIENT).get())
                .isEqualTo(iq);
    }

    @Test
    void keepsWhatTheRosterMachineJudgesAndDropsUnknownSubscriptions() {
        RosterQuery query = decodeQuery("<item jid='a@example.com' subscription='bogus'><group>G</group><group>G</group></item>").get();
        assertThat(query.items().head().subscription()).isEmpty();
        assertThat(query.items().head().effectiveSubscription()).isEqualTo(ItemSubscription.NONE);
        assertThat(query.items().head().groups()).containsExactly("G", "G");
    }

    @Test
    void refusesItemsWithoutAValidJid() {
        assertThat(decodeQuery("<item name='no jid'/>").getLeft().condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(decodeQuery("<item jid='a@b@c'/>").getLeft().condition()).isEqualTo(StanzaErrorCondition.JID_MALFORMED);
    }

    @Test
    void decodesTheRosterVersioningFeature() {
        StreamFeatures features = (StreamFeatures) REGISTRY.decodeTopLevel(element(
                "<stream:features><ver xmlns='urn:xmpp:features:rosterver'/></stream:features>"), Namespaces.CLIENT).get();
        assertThat(features.feature(RosterVersioningFeature.class)).isNotEmpty();
    }

    private static Either<CodecError, RosterQuery> decodeQuery(String items) {
        return REGISTRY.decodePayload(element("<query xmlns='jabber:iq:roster'>" + items + "</query>"), Namespaces.CLIENT)
                .map(RosterQuery.class::cast);
    }

    private static Element element(String xml) {
        XmlStreamDecoder decoder = new XmlStreamDecoder();
        decoder.feed((HEADER + xml).getBytes(StandardCharsets.UTF_8));
        decoder.next();
        return ((StreamEvent.TopLevelElement) decoder.next().get()).element();
    }
}
