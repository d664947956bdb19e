package dev.starling.conformance.filetransfer;

import dev.starling.conformance.im.ExampleStanzas;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.jingle.JingleInitiator;
import dev.starling.machine.jingle.JingleResponder;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.jingle.FileDescription;
import dev.starling.model.jingle.Jingle;
import dev.starling.model.jingle.JingleContent;
import dev.starling.model.jingle.JingleDescription;
import dev.starling.model.jingle.JingleFile;
import dev.starling.model.jingle.JingleReason;
import dev.starling.model.jingle.JingleTransport;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Jingle file-transfer machines against XEP-0261's session (Examples 1 to 4, 13, 14): the
 * initiator's session-initiate, the responder's acknowledgement and session-accept with a lower
 * block size, the initiator starting IBB with that block size, and the success termination; and
 * XEP-0166's refusals: an unknown session (Example 29), an application the responder does not
 * support (Example 25), a declined offer (Example 21).
 */
class JingleSessionReplayTest {

    private static final Jid ROMEO = Jid.of("romeo@montague.lit/orchard");
    private static final Jid JULIET = Jid.of("juliet@capulet.lit/balcony");
    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(Fresh.MIN_RANDOM_LENGTH));
    private static final JingleFile FILE = new JingleFile(Option.none(), Option.none(), Option.none(), Option.some("test.txt"),
            Option.some(6144L), Option.none(), Array.empty(), Option.none());
    private static final JingleInitiator.Config CONFIG = new JingleInitiator.Config(ROMEO, JULIET, "a73sjjvkla37jfea", FILE,
            new JingleTransport.Ibb(4096, "ch3d9s71"));

    @Test
    void xep0261sSessionWithAFile() {
        JingleInitiator.State state = JingleInitiator.initial(CONFIG);
        Step<JingleInitiator.State, JingleInitiator.Output> start = JingleInitiator.step(CONFIG, state, new JingleInitiator.Input.Start(), FRESH);
        Iq initiate = sent(start.outputs()).single();
        // Example 1, with the file description instead of the example's stub application
        assertThat(ExampleStanzas.normalized(initiate)).isEqualTo(ExampleStanzas.normalized(withFile(example(1)).withId(Option.some(initiate.iqId()))
                .withFrom(Option.none())));

        Iq arrived = initiate.withFrom(Option.some(ROMEO));
        var offered = JingleResponder.offer(arrived, JULIET, 2048, FRESH).get();
        assertThat(sentR(offered.outputs()).map(ExampleStanzas::normalized))
                .containsExactly(ExampleStanzas.normalized(example(2).withId(Option.some(initiate.iqId()))));
        JingleResponder.State offer = offered.state().get();
        assertThat(offer.file()).isEqualTo(FILE);

        Step<JingleResponder.State, JingleResponder.Output> accepted = JingleResponder.step(JULIET, offer, new JingleResponder.Input.Accept(), FRESH);
        Iq accept = sentR(accepted.outputs()).single();
        assertThat(ExampleStanzas.normalized(accept)).isEqualTo(ExampleStanzas.normalized(withFile(example(3)).withId(Option.some(accept.iqId()))
                .withFrom(Option.none())));
        assertThat(accepted.outputs()).contains(new JingleResponder.Output.ExpectIbb("ch3d9s71", 2048));

        Step<JingleInitiator.State, JingleInitiator.Output> active = JingleInitiator.step(CONFIG, start.state(),
                new JingleInitiator.Input.Received(accept.withFrom(Option.some(JULIET)).withTo(Option.some(ROMEO))), FRESH);
        assertThat(sent(active.outputs()).map(ExampleStanzas::normalized))
                .containsExactly(ExampleStanzas.normalized(example(4).withId(Option.some(accept.iqId()))));
        assertThat(active.outputs()).contains(new JingleInitiator.Output.StartIbb("ch3d9s71", 2048));

        Step<JingleInitiator.State, JingleInitiator.Output> ending = JingleInitiator.step(CONFIG, active.state(), new JingleInitiator.Input.Delivered(), FRESH);
        Iq terminate = sent(ending.outputs()).single();
        assertThat(ExampleStanzas.normalized(terminate)).isEqualTo(ExampleStanzas.normalized(example(13).withId(Option.some(terminate.iqId()))
                .withFrom(Option.none())));

        Step<JingleResponder.State, JingleResponder.Output> ended = JingleResponder.step(JULIET, accepted.state(),
                new JingleResponder.Input.Received(terminate.withFrom(Option.some(ROMEO))), FRESH);
        assertThat(sentR(ended.outputs()).map(ExampleStanzas::normalized))
                .containsExactly(ExampleStanzas.normalized(example(14).withId(Option.some(terminate.iqId()))));
        assertThat(ended.outputs()).contains(new JingleResponder.Output.Ended(JingleReason.of("success")));

        Iq result = (Iq) example(14).withId(Option.some(terminate.iqId()));
        assertThat(JingleInitiator.step(CONFIG, ending.state(), new JingleInitiator.Input.Received(result), FRESH).outputs())
                .containsExactly(new JingleInitiator.Output.Done());
    }

    @Test
    void refusalsFollowXep0166() {
        // Example 25: an application the responder does not support is acknowledged, then terminated
        var stub = JingleResponder.offer((Iq) example(1), JULIET, 4096, FRESH).get();
        assertThat(stub.state()).isEmpty();
        Iq terminate = sentR(stub.outputs()).last();
        assertThat(((Jingle) terminate.payload().get()).reason().map(JingleReason::condition)).contains("unsupported-applications");

        // Example 21: a declined offer
        JingleResponder.State offer = JingleResponder.offer(withFile(example(1)), JULIET, 4096, FRESH).get().state().get();
        Iq decline = sentR(JingleResponder.step(JULIET, offer, new JingleResponder.Input.Decline(), FRESH).outputs()).single();
        assertThat(((Jingle) decline.payload().get()).reason().map(JingleReason::condition)).contains("decline");

        // Example 29: a request for another session
        Iq other = (Iq) example(13);
        Iq foreign = other.withChildren(Array.of(Jingle.terminate("not-this-one", JingleReason.of("success"))));
        Iq unknown = sentR(JingleResponder.step(JULIET, offer, new JingleResponder.Input.Received(foreign), FRESH).outputs()).single();
        assertThat(unknown.error().get().condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
        assertThat(unknown.error().get().applicationCondition().map(Element::localName)).contains("unknown-session");
    }

    /** The example with its stub application replaced by the file of this test (XEP-0234's description). */
    private static Iq withFile(Stanza example) {
        Iq iq = (Iq) example;
        Jingle jingle = (Jingle) iq.payload().get();
        Seq<JingleContent> contents = jingle.contents().map(c -> new JingleContent(c.creator(), "a-file-offer", Option.some("initiator"),
                c.description().map(d -> (JingleDescription) new FileDescription(FILE)), c.transport(), c.security()));
        return iq.withChildren(Array.of(new Jingle(jingle.action(), jingle.sid(), jingle.initiator(), jingle.responder(), contents,
                jingle.reason(), jingle.info(), jingle.checksum())));
    }

    private static Stanza example(int number) {
        return ExampleStanzas.stanzas("xep-0261", number).single();
    }

    private static Seq<Iq> sent(Seq<JingleInitiator.Output> outputs) {
        return outputs.filter(JingleInitiator.Output.Send.class::isInstance).map(o -> ((JingleInitiator.Output.Send) o).iq());
    }

    private static Seq<Iq> sentR(Seq<JingleResponder.Output> outputs) {
        return outputs.filter(JingleResponder.Output.Send.class::isInstance).map(o -> ((JingleResponder.Output.Send) o).iq());
    }

}
