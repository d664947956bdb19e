package dev.starling.conformance.im;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.codec.xml.XmlEquivalence;
import dev.starling.conformance.corpus.SpecCorpus;
import dev.starling.conformance.corpus.StreamReplay;
import dev.starling.machine.blocking.Blocklist;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.im.AccountEntity;
import dev.starling.machine.im.AccountInput;
import dev.starling.machine.im.AccountLimits;
import dev.starling.machine.im.AccountOutput;
import dev.starling.machine.im.AccountState;
import dev.starling.machine.roster.Roster;
import dev.starling.model.Namespaces;
import dev.starling.model.blocking.BlockingCommand;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.Stanza;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0191 replayed through Juliet's account entity (resources chamber and balcony, both of which
 * asked for the blocklist): the client's requests of the examples go in, and the answers and
 * pushes must be the XEP's. Compared without the ids the server picks for pushes and without the
 * 'to' the server puts on its answers (the examples leave it out). Then the blocking itself:
 * Juliet's message to a blocked JID comes back as Example 9, and stanzas from it are answered as
 * if she were offline.
 */
class BlockingReplayTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();
    private static final Jid JULIET = Jid.of("juliet@capulet.com");
    private static final Jid ROMEO = Jid.of("romeo@montague.net");

    private AccountState juliet;
    private int step;

    @BeforeEach
    void online() {
        juliet = AccountState.of(JULIET, Roster.empty());
        for (String resource : List.of("chamber", "balcony")) {
            juliet = feed(new AccountInput.ResourceBound(resource)).state();
            juliet = feed(request(resource, 3)).state();
        }
    }

    @Test
    void theBlocklistIsEmptyAtFirst() {
        List<AccountOutput> out = List.ofAll(feed(request("chamber", 3)).outputs());
        assertThat(replies(out)).containsExactlyElementsOf(expected(5));
    }

    @Test
    void blockingAnswersPushesAndListsTheJid() {
        Step<AccountState, AccountOutput> blocked = feed(request("chamber", 6));
        juliet = blocked.state();
        List<AccountOutput> out = List.ofAll(blocked.outputs());
        assertThat(replies(out).take(1)).containsExactlyElementsOf(expected(7));
        assertThat(pushes(out)).containsExactlyElementsOf(expected(8).map(BlockingReplayTest::withoutId));
        assertThat(out).anyMatch(o -> o instanceof AccountOutput.StoreBlocklist store && store.blocklist().blocks(ROMEO));

        Jid iago = Jid.of("iago@shakespeare.lit");
        juliet = feed(new AccountInput.BlockingRequest("chamber", (Iq) decode("<iq type='set' id='b2' from='juliet@capulet.com/chamber'>"
                + "<block xmlns='urn:xmpp:blocking'><item jid='iago@shakespeare.lit'/></block></iq>").head(),
                new BlockingCommand.Block(io.vavr.collection.Array.of(iago)))).state();
        assertThat(replies(List.ofAll(feed(request("chamber", 3)).outputs()))).containsExactlyElementsOf(expected(4));
    }

    @Test
    void stanzasToABlockedJidAreRefusedAndStanzasFromItGetNoSignOfLife() {
        juliet = feed(request("chamber", 6)).state();

        Message toRomeo = Message.chat(ROMEO, "Can you hear me now?").withFrom(Option.some(JULIET.withResource("chamber").get()));
        List<AccountOutput> refused = List.ofAll(feed(new AccountInput.OutboundStanza(toRomeo)).outputs());
        assertThat(refused).singleElement().isInstanceOfSatisfying(AccountOutput.ToResource.class, to ->
                assertThat(withoutTo(normalized(to.stanza()))).isEqualTo(withoutTo(expected(9).head())));

        Message fromRomeo = Message.chat(JULIET, "hello?").withFrom(Option.some(ROMEO.withResource("orchard").get()));
        List<AccountOutput> answered = List.ofAll(feed(new AccountInput.InboundMessage(fromRomeo)).outputs());
        assertThat(answered).singleElement().isInstanceOfSatisfying(AccountOutput.ToContact.class, error ->
                assertThat(error.stanza().error().map(e -> e.condition().wireName())).contains("service-unavailable"));
        Presence probe = Presence.of(dev.starling.model.stanza.PresenceType.PROBE).withFrom(Option.some(ROMEO)).withTo(Option.some(JULIET));
        assertThat(feed(new AccountInput.InboundPresence(probe)).outputs()).as("presence: no answer, no error").isEmpty();
    }

    @Test
    void unblockingOneAndAllAnswersAndPushes() {
        juliet = feed(request("chamber", 6)).state();
        Step<AccountState, AccountOutput> one = feed(request("chamber", 10));
        juliet = one.state();
        assertThat(replies(List.ofAll(one.outputs())).take(1)).containsExactlyElementsOf(expected(11));
        assertThat(pushes(List.ofAll(one.outputs()))).containsExactlyElementsOf(expected(12).map(BlockingReplayTest::withoutId));
        assertThat(juliet.blocklist().blocks(ROMEO)).isFalse();

        juliet = feed(request("chamber", 6)).state();
        Step<AccountState, AccountOutput> all = feed(request("chamber", 13));
        assertThat(replies(List.ofAll(all.outputs())).take(1)).containsExactlyElementsOf(expected(14));
        assertThat(pushes(List.ofAll(all.outputs()))).containsExactlyElementsOf(expected(15).map(BlockingReplayTest::withoutId));
        assertThat(all.state().blocklist()).isEqualTo(new Blocklist(LinkedHashSet.empty()));
    }

    @Test
    void aBlockWithoutItemsIsBadRequest() {
        Iq empty = (Iq) decode("<iq type='set' id='b0' from='juliet@capulet.com/chamber'><block xmlns='urn:xmpp:blocking'/></iq>").head();
        List<AccountOutput> out = List.ofAll(feed(new AccountInput.BlockingRequest("chamber", empty,
                (BlockingCommand) empty.payload().get())).outputs());
        assertThat(out).singleElement().isInstanceOfSatisfying(AccountOutput.ToResource.class, to ->
                assertThat(to.stanza().error().map(e -> e.condition().wireName())).contains("bad-request"));
    }

    private Step<AccountState, AccountOutput> feed(AccountInput input) {
        step++;
        return AccountEntity.step(juliet, input, AccountLimits.defaults(),
                new Fresh(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(step), String.format("%096d", step)));
    }

    /** The example's request as Juliet's server receives it from this resource. */
    private static AccountInput request(String resource, int example) {
        Iq iq = ((Iq) decode(text(example)).head()).withFrom(Option.some(JULIET.withResource(resource).get()));
        return new AccountInput.BlockingRequest(resource, iq, (BlockingCommand) iq.payload().get());
    }

    /** The answers to the requesting resource (IQ results and errors). */
    private static List<Element> replies(List<AccountOutput> outputs) {
        return outputs.filter(o -> o instanceof AccountOutput.ToResource r && r.stanza() instanceof Iq iq && !iq.type().isRequest())
                .map(o -> withoutTo(normalized(((AccountOutput.ToResource) o).stanza())));
    }

    private static List<Element> pushes(List<AccountOutput> outputs) {
        return outputs.filter(o -> o instanceof AccountOutput.ToResource r && r.stanza() instanceof Iq iq && iq.type().isRequest())
                .map(o -> withoutId(normalized(((AccountOutput.ToResource) o).stanza())));
    }

    private static Element withoutId(Element element) {
        return element.withoutAttribute(QName.of("", "id"));
    }

    private static Element withoutTo(Element element) {
        return element.withoutAttribute(QName.of("", "to"));
    }

    private static List<Element> expected(int example) {
        return decode(text(example)).map(BlockingReplayTest::normalized);
    }

    private static String text(int example) {
        return SpecCorpus.read("xep-0191.json").examples().stream().filter(e -> e.number() == example).findFirst().get().text();
    }

    private static List<Stanza> decode(String xml) {
        return StreamReplay.events(xml, StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE)
                .filter(StreamEvent.TopLevelElement.class::isInstance)
                .map(event -> REGISTRY.typePayloads((Stanza) REGISTRY.decodeTopLevel(((StreamEvent.TopLevelElement) event).element(),
                        Namespaces.CLIENT).get(), Namespaces.CLIENT).get())
                .toList();
    }

    private static Element normalized(Stanza stanza) {
        return XmlEquivalence.normalize(REGISTRY.encode(stanza, Namespaces.CLIENT));
    }
}
