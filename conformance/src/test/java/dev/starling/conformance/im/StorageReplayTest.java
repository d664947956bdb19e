package dev.starling.conformance.im;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEquivalence;
import dev.starling.conformance.corpus.SpecCorpus;
import dev.starling.conformance.corpus.StreamReplay;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.im.AccountEntity;
import dev.starling.machine.im.AccountInput;
import dev.starling.machine.im.AccountLimits;
import dev.starling.machine.im.AccountOutput;
import dev.starling.machine.im.AccountState;
import dev.starling.machine.roster.Roster;
import dev.starling.machine.roster.RosterLimits;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0054 (vCard), XEP-0049 (private XML storage) and XEP-0145 (annotations, on private storage)
 * replayed through account entities: the request of each example goes in and the answer must be
 * the example's. Compared without the 'from' the examples put on answers to the account itself
 * (XEP-0049 writes the user's full JID, Starling none, RFC 6120 §8.1.2.1); where XEP-0049 shows a
 * legacy 'code' or a condition RFC 6120 does not define ("bad-format"), only the condition is
 * compared, as the test says; Starling's human-readable error texts are left out too.
 */
class StorageReplayTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private int step;

    @Test
    void aVcardIsEmptyThenSetThenReturned() {
        AccountState stpeter = AccountState.of(Jid.of("stpeter@jabber.org"), Roster.empty());
        assertThat(reply(stpeter, ownRequest("xep-0054", 1, "stpeter@jabber.org/roundabout"))).isEqualTo(expected("xep-0054", 4));

        Step<AccountState, AccountOutput> set = feed(stpeter, ownRequest("xep-0054", 5, "stpeter@jabber.org/roundabout"));
        assertThat(toResource(set).head()).isEqualTo(expected("xep-0054", 6));
        assertThat(List.ofAll(set.outputs())).anyMatch(AccountOutput.StoreData.class::isInstance);

        Element returned = reply(set.state(), ownRequest("xep-0054", 1, "stpeter@jabber.org/roundabout"));
        Element example2 = expected("xep-0054", 2);
        assertThat(returned.attributes()).as("Example 2's envelope").containsExactlyInAnyOrderElementsOf(example2.attributes());
        assertThat(returned.element("vcard-temp", "vCard")).as("the vCard of Example 5, as stored (Example 2 shows another DESC)")
                .contains(expected("xep-0054", 5).element("vcard-temp", "vCard").get());
    }

    @Test
    void anotherUsersVcardIsAnsweredByTheServerAndCannotBeChanged() {
        AccountState jer = AccountState.of(Jid.of("jer@jabber.org"), Roster.empty());
        Iq vcard = (Iq) decode(text("xep-0054", 9)).head();
        jer = feed(jer, new AccountInput.StorageRequest("home", Iq.of(dev.starling.model.stanza.IqType.SET, "s", vcard.payload().get())
                .withFrom(Option.some(Jid.of("jer@jabber.org/home"))))).state();

        Iq get = (Iq) decode(text("xep-0054", 8)).head();
        List<AccountOutput> answer = List.ofAll(feed(jer, new AccountInput.InboundIq(get)).outputs());
        assertThat(answer.map(o -> normalized(((AccountOutput.ToContact) o).stanza()))).containsExactly(expected("xep-0054", 9));

        Iq change = Iq.of(dev.starling.model.stanza.IqType.SET, "v2", vcard.payload().get())
                .withFrom(Option.some(Jid.of("stpeter@jabber.org/roundabout"))).withTo(Option.some(Jid.of("jer@jabber.org")));
        List<AccountOutput> refused = List.ofAll(feed(jer, new AccountInput.InboundIq(change)).outputs());
        assertThat(refused.map(o -> withoutText(normalized(((AccountOutput.ToContact) o).stanza()).withoutAttribute(QName.of("", "from")))))
                .containsExactly(expected("xep-0054", 7));
    }

    @Test
    void aTooLargeVcardIsRefused() {
        AccountState small = AccountState.of(Jid.of("stpeter@jabber.org"), Roster.empty());
        Step<AccountState, AccountOutput> set = AccountEntity.step(small, ownRequest("xep-0054", 5, "stpeter@jabber.org/roundabout"),
                new AccountLimits(RosterLimits.defaults(), 10, 100, 1000), fresh());
        assertThat(toResource(set).head().attribute("type")).contains("error");
        assertThat(List.ofAll(set.outputs()).filter(AccountOutput.ToResource.class::isInstance)
                .map(o -> ((AccountOutput.ToResource) o).stanza().error().map(e -> e.condition())))
                .containsExactly(Option.some(dev.starling.model.stanza.StanzaErrorCondition.NOT_ACCEPTABLE)); // XEP-0054 size limit
        assertThat(List.ofAll(set.outputs())).noneMatch(AccountOutput.StoreData.class::isInstance);
    }

    @Test
    void privateDataIsStoredAndReturnedByNamespace() {
        AccountState hamlet = AccountState.of(Jid.of("hamlet@shakespeare.lit"), Roster.empty());
        Step<AccountState, AccountOutput> stored = feed(hamlet, ownRequest("xep-0049", 1, "hamlet@shakespeare.lit/denmark"));
        assertThat(withoutFrom(toResource(stored).head())).isEqualTo(withoutFrom(serverTurn("xep-0049", 1)));
        assertThat(withoutFrom(reply(stored.state(), ownRequest("xep-0049", 2, "hamlet@shakespeare.lit/denmark"))))
                .isEqualTo(withoutFrom(serverTurn("xep-0049", 2)));

        Step<AccountState, AccountOutput> notes = feed(stored.state(), ownRequest("xep-0145", 1, "hamlet@shakespeare.lit/denmark"));
        assertThat(reply(notes.state(), ownRequest("xep-0145", 2, "hamlet@shakespeare.lit/denmark")).withoutAttribute(QName.of("", "to")))
                .isEqualTo(expected("xep-0145", 3));
        assertThat(withoutFrom(reply(notes.state(), ownRequest("xep-0049", 2, "hamlet@shakespeare.lit/denmark"))))
                .as("each namespace apart").isEqualTo(withoutFrom(serverTurn("xep-0049", 2)));
    }

    @Test
    void privateStorageErrorsFollowTheXep() {
        AccountState hamlet = AccountState.of(Jid.of("hamlet@shakespeare.lit"), Roster.empty());
        Iq foreign = ((Iq) decode(clientTurn("xep-0049", 3)).head()).withFrom(Option.some(Jid.of("macbeth@shakespeare.lit/castle")));
        Element refused = normalized(((AccountOutput.ToContact) List.ofAll(feed(hamlet, new AccountInput.InboundIq(foreign)).outputs()).head()).stanza());
        assertThat(condition(refused)).as("Example 3").isEqualTo("forbidden");
        assertThat(refused.element("jabber:iq:private", "query")).as("the query is echoed").isNotEmpty();

        assertThat(condition(reply(hamlet, ownRequest("xep-0049", 4, "hamlet@shakespeare.lit/denmark"))))
                .as("Example 4's 'bad-format' is no stanza error condition (RFC 6120 §8.3.3): bad-request").isEqualTo("bad-request");
        assertThat(condition(reply(hamlet, ownRequest("xep-0049", 5, "hamlet@shakespeare.lit/denmark")))).as("Example 5")
                .isEqualTo("not-acceptable");
    }

    private Element reply(AccountState state, AccountInput request) {
        return toResource(feed(state, request)).head();
    }

    private Step<AccountState, AccountOutput> feed(AccountState state, AccountInput input) {
        return AccountEntity.step(state, input, AccountLimits.defaults(), fresh());
    }

    private Fresh fresh() {
        step++;
        return new Fresh(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(step), String.format("%096d", step));
    }

    private static List<Element> toResource(Step<AccountState, AccountOutput> step) {
        return List.ofAll(step.outputs()).filter(AccountOutput.ToResource.class::isInstance)
                .map(o -> normalized(((AccountOutput.ToResource) o).stanza()));
    }

    /** The client's request of an example, 'from' stamped as the server receives it. */
    private static AccountInput ownRequest(String xep, int example, String from) {
        Iq iq = ((Iq) decode(clientTurn(xep, example)).head()).withFrom(Option.some(Jid.of(from)));
        return new AccountInput.StorageRequest(Jid.of(from).resource().get(), iq);
    }

    private static String condition(Element reply) {
        return reply.element(Namespaces.CLIENT, "error").get().elements().head().localName();
    }

    /** An error reply without the human-readable text Starling adds. */
    private static Element withoutText(Element iq) {
        Element error = iq.element(Namespaces.CLIENT, "error").get();
        return iq.replaceChildren(List.of(error.replaceChildren(error.elements().filter(child -> !child.localName().equals("text")))));
    }

    private static Element withoutFrom(Element element) {
        return element.withoutAttribute(QName.of("", "from"));
    }

    private static Element expected(String xep, int example) {
        return normalized(decode(text(xep, example)).head());
    }

    /** XEP-0049 writes CLIENT: and SERVER: before each side. */
    private static String clientTurn(String xep, int example) {
        String text = text(xep, example);
        return text.contains("CLIENT:") ? text.substring(text.indexOf("CLIENT:") + 7, text.contains("SERVER") ? text.indexOf("SERVER") : text.length())
                : text;
    }

    private static Element serverTurn(String xep, int example) {
        String text = text(xep, example);
        return normalized(decode(text.substring(text.indexOf(':', text.indexOf("SERVER")) + 1)).head());
    }

    private static String text(String xep, int example) {
        return SpecCorpus.read(xep + ".json").examples().stream().filter(e -> e.number() == example).findFirst().get().text();
    }

    private static List<Stanza> decode(String xml) {
        return StreamReplay.events(xml.strip(), StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE)
                .filter(StreamEvent.TopLevelElement.class::isInstance)
                .map(event -> REGISTRY.typePayloads((Stanza) REGISTRY.decodeTopLevel(((StreamEvent.TopLevelElement) event).element(),
                        Namespaces.CLIENT).get(), Namespaces.CLIENT).get())
                .toList();
    }

    private static Element normalized(Stanza stanza) {
        return XmlEquivalence.normalize(REGISTRY.encode(stanza, Namespaces.CLIENT));
    }

}
