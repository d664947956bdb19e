package dev.starling.conformance.im;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.im.AccountEntity;
import dev.starling.machine.im.AccountInput;
import dev.starling.machine.im.AccountLimits;
import dev.starling.machine.im.AccountOutput;
import dev.starling.machine.im.AccountState;
import dev.starling.machine.roster.Roster;
import dev.starling.model.Namespaces;
import dev.starling.model.delay.Delay;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.offline.OfflineRetrieval;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.Stanza;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.starling.conformance.im.ExampleStanzas.normalized;
import static dev.starling.conformance.im.ExampleStanzas.stanzas;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0013 replayed through Romeo's account entity. His server stores the five messages of
 * Example 6 at the instants their nodes name, so the nodes it gives them must be Example 6's; then
 * each request of Examples 3 to 13 goes in, 'from' stamped as the server receives it, and the
 * answer must be the example's. Example 4 counts 66 messages where Romeo has five; Example 8's
 * IQ result is addressed to a placeholder ('user@domain/resource'), so for it only type and id
 * are compared; Examples 3 to 6 get the 'id' they leave out; the XEP-0203 delay Starling adds to stored messages (§2.4 recommends one) is
 * left out of the comparison.
 */
class OfflineRetrievalReplayTest {

    private static final Jid ROMEO = Jid.of("romeo@montague.net");
    private static final String[][] QUEUE = {
        {"2003-02-27T22:49:17.008Z", "mercutio@shakespeare.lit/pda", "Where the devil should this Romeo be?"},
        {"2003-02-27T22:52:37.225Z", "juliet@capulet.com/balcony", "O Romeo, Romeo! wherefore art thou Romeo?"},
        {"2003-02-27T22:52:51.270Z", "juliet@capulet.com/balcony", "Deny thy father and refuse thy name;"},
        {"2003-02-27T22:53:03.421Z", "juliet@capulet.com/balcony", "Or, if thou wilt not, be but sworn my love,"},
        {"2003-02-27T22:53:13.925Z", "juliet@capulet.com/balcony", "And I'll no longer be a Capulet."},
    };

    private AccountState romeo;
    private int step;

    @BeforeEach
    void storeTheQueueOfExample6() {
        romeo = AccountState.of(ROMEO, Roster.empty());
        for (String[] message : QUEUE) {
            Message sent = Message.empty().withTo(Option.some(ROMEO)).withFrom(Option.some(Jid.of(message[1])))
                    .withChild(dev.starling.model.stanza.Body.of(message[2]));
            Step<AccountState, AccountOutput> stored = AccountEntity.step(romeo, new AccountInput.InboundMessage(sent), AccountLimits.defaults(),
                    new Fresh(Instant.parse(message[0]), String.format("%096d", 0)));
            assertThat(List.ofAll(stored.outputs())).singleElement().isInstanceOf(AccountOutput.StoreOffline.class);
            romeo = connect(stored.state(), "orchard");
        }
        romeo = feed(romeo, new AccountInput.ResourceGone("orchard")).state();
    }

    @Test
    void theNodeOfferedInDiscoAnswersWithTheNumberOfMessages() {
        List<Element> reply = toResource(feed(connect(romeo, "orchard"), request(3)));
        Element expected = normalized(ExampleStanzas.decode(withId(4).replace("<value>66</value>", "<value>5</value>")).head());
        assertThat(reply).containsExactly(expected);
    }

    @Test
    void theHeadersAreExample6() {
        assertThat(toResource(feed(connect(romeo, "orchard"), request(5)))).containsExactly(normalized(ExampleStanzas.decode(withId(6)).head()));
    }

    @Test
    void viewingSendsTheMessageMarkedWithItsNodeAndKeepsIt() {
        Step<AccountState, AccountOutput> viewed = feed(connect(romeo, "orchard"), request(7));
        List<Element> sent = toResource(viewed);
        List<Stanza> example8 = stanzas("xep-0013", 8);
        assertThat(sent).hasSize(2);
        assertThat(withoutDelay(sent.get(0))).isEqualTo(normalized(example8.get(0)));
        assertThat(sent.get(1).attribute("type")).contains("result");
        assertThat(sent.get(1).attribute("id")).isEqualTo(example8.get(1).id());
        assertThat(viewed.state().offline().size()).as("§2.5: not removed because it was viewed").isEqualTo(5);
        assertThat(List.ofAll(viewed.outputs())).noneMatch(AccountOutput.ForgetOffline.class::isInstance);
    }

    @Test
    void removingForgetsTheNamedMessagesDurablyBeforeTheResult() {
        Step<AccountState, AccountOutput> removed = feed(connect(romeo, "orchard"), request(9));
        List<AccountOutput> outputs = List.ofAll(removed.outputs());
        assertThat(outputs.head()).isEqualTo(new AccountOutput.ForgetOffline(io.vavr.collection.Array.of(
                "2003-02-27T22:49:17.008Z", "2003-02-27T22:52:37.225Z")));
        assertThat(toResource(removed)).containsExactly(normalized(stanzas("xep-0013", 10).head()));
        assertThat(removed.state().offline().messages().map(stored -> stored.node()))
                .containsExactly("2003-02-27T22:52:51.270Z", "2003-02-27T22:53:03.421Z", "2003-02-27T22:53:13.925Z");
    }

    @Test
    void fetchingSendsEverythingAndPurgingForgetsEverything() {
        AccountState online = connect(romeo, "orchard");
        List<Element> fetched = toResource(feed(online, request(11)));
        assertThat(fetched).hasSize(6);
        assertThat(withoutDelay(fetched.get(1))).as("Example 12's message").isEqualTo(normalized(stanzas("xep-0013", 12).get(0)));
        assertThat(fetched.last()).isEqualTo(normalized(stanzas("xep-0013", 12).get(1)));

        Step<AccountState, AccountOutput> purged = feed(online, request(13));
        assertThat(toResource(purged)).containsExactly(normalized(stanzas("xep-0013", 14).head()));
        assertThat(purged.state().offline().size()).isZero();
        assertThat(List.ofAll(purged.outputs()).head()).isInstanceOf(AccountOutput.ForgetOffline.class);
    }

    @Test
    void afterRetrievalInitialPresenceBringsNoFloodUntilTheRetrievingSessionEnds() {
        AccountState asked = feed(connect(romeo, "orchard"), request(5)).state();
        Step<AccountState, AccountOutput> available = feed(asked, presence("orchard"));
        assertThat(messagesTo(available, "orchard")).as("§2.2: no flood for the session that asked").isEmpty();

        Step<AccountState, AccountOutput> second = feed(connect(available.state(), "garden"), presence("garden"));
        assertThat(messagesTo(second, "garden")).as("§2.2: nor for another resource meanwhile").isEmpty();

        AccountState gone = feed(feed(second.state(), new AccountInput.ResourceGone("orchard")).state(), new AccountInput.ResourceGone("garden")).state();
        Step<AccountState, AccountOutput> later = feed(connect(gone, "balcony"), presence("balcony"));
        assertThat(messagesTo(later, "balcony")).as("a later session gets the flood (XEP-0160 §3)").hasSize(5);
        assertThat(later.state().offline().size()).isZero();
    }

    @Test
    void withoutRetrievalInitialPresenceFloodsAndForgetsAfterHandingOver() {
        Step<AccountState, AccountOutput> available = feed(connect(romeo, "orchard"), presence("orchard"));
        List<AccountOutput> outputs = List.ofAll(available.outputs());
        assertThat(messagesTo(available, "orchard")).hasSize(5);
        assertThat(outputs.indexWhere(AccountOutput.ForgetOffline.class::isInstance))
                .as("forgotten after the last delivery").isGreaterThan(outputs.lastIndexWhere(o -> o instanceof AccountOutput.ToResource to
                        && to.stanza() instanceof Message));
    }

    @Test
    void anUnknownNodeFailsTheWholeRequestAndOthersAreForbidden() {
        Iq remove = ((Iq) stanzas("xep-0013", 9).head()).withFrom(Option.some(ROMEO.withResource("orchard").get()));
        Iq withUnknown = remove.withChildren(io.vavr.collection.Array.of(new OfflineRetrieval.Items(io.vavr.collection.Array.of(
                new OfflineRetrieval.Item("2003-02-27T22:49:17.008Z", Option.some(OfflineRetrieval.Action.REMOVE)),
                new OfflineRetrieval.Item("no-such-node", Option.some(OfflineRetrieval.Action.REMOVE))))));
        Step<AccountState, AccountOutput> refused = feed(connect(romeo, "orchard"), new AccountInput.OfflineRequest("orchard", withUnknown));
        assertThat(condition(toResource(refused).head())).isEqualTo("item-not-found");
        assertThat(refused.state().offline().size()).as("nothing removed").isEqualTo(5);
        assertThat(List.ofAll(refused.outputs())).noneMatch(AccountOutput.ForgetOffline.class::isInstance);

        Iq foreign = ((Iq) ExampleStanzas.decode(withId(5)).head()).withFrom(Option.some(Jid.of("tybalt@capulet.com/street"))).withTo(Option.some(ROMEO));
        Step<AccountState, AccountOutput> forbidden = feed(romeo, new AccountInput.InboundIq(foreign));
        assertThat(condition(normalized(((AccountOutput.ToContact) List.ofAll(forbidden.outputs()).single()).stanza()))).isEqualTo("forbidden");
    }

    /** Examples 3 to 6 leave out the 'id' RFC 6120 §8.1.3 requires of an IQ: the same one goes into the request and its answer. */
    private static String withId(int example) {
        String text = ExampleStanzas.text("xep-0013", example);
        return text.contains(" id='") ? text : text.replaceFirst("<iq type='(get|result)'", "<iq id='disco1' type='$1'");
    }

    private AccountInput request(int example) {
        Iq iq = ((Iq) ExampleStanzas.decode(withId(example)).head()).withFrom(Option.some(ROMEO.withResource("orchard").get()));
        return new AccountInput.OfflineRequest("orchard", iq);
    }

    private AccountState connect(AccountState state, String resource) {
        return feed(state, new AccountInput.ResourceBound(resource)).state();
    }

    private static AccountInput presence(String resource) {
        return new AccountInput.OutboundPresence(Presence.available().withFrom(Option.some(ROMEO.withResource(resource).get())));
    }

    private Step<AccountState, AccountOutput> feed(AccountState state, AccountInput input) {
        step++;
        return AccountEntity.step(state, input, AccountLimits.defaults(),
                new Fresh(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(step), String.format("%096d", step)));
    }

    private static List<Element> toResource(Step<AccountState, AccountOutput> step) {
        return List.ofAll(step.outputs()).filter(AccountOutput.ToResource.class::isInstance)
                .map(o -> normalized(((AccountOutput.ToResource) o).stanza()));
    }

    private static List<Message> messagesTo(Step<AccountState, AccountOutput> step, String resource) {
        return List.ofAll(step.outputs()).filter(o -> o instanceof AccountOutput.ToResource to && to.resource().equals(resource)
                && to.stanza() instanceof Message).map(o -> (Message) ((AccountOutput.ToResource) o).stanza());
    }

    private static Element withoutDelay(Element message) {
        return message.replaceChildren(message.elements().filter(child -> !child.namespace().equals(Delay.NAMESPACE)));
    }

    private static String condition(Element reply) {
        return reply.element(Namespaces.CLIENT, "error").get().elements().filter(e -> !e.localName().equals("text")).head().localName();
    }
}
