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
import dev.starling.model.jingle.JingleAction;
import dev.starling.model.jingle.JingleFile;
import dev.starling.model.jingle.JingleReason;
import dev.starling.model.jingle.JingleTransport;
import dev.starling.model.stanza.Iq;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a XEP-0234 session ends, replayed with the spec's examples (sid {@code a73sjjvkla37jfea},
 * over IBB): the receiver's abort (§6.5, Example 9) is what Starling's receiver sends when its
 * application cancels; the sender acknowledges it as Example 11 and fails; a content-remove of the
 * file (Example 10, cancel, and Example 18, {@code media-error} with {@code <file-too-large/>}, §9.2)
 * is acknowledged and answered with a session-terminate carrying the same reason (XEP-0166 §6.7);
 * the receiver's success (§6.6, Example 12) completes the sender's transfer; the receiver's
 * {@code <received/>} in a session-info (§8.1, Example 13) is acknowledged and changes nothing.
 */
class JingleEndingsReplayTest {

    private static final Jid ROMEO = Jid.of("romeo@montague.example/dr4hcr0st3lup4c");
    private static final Jid JULIET = Jid.of("juliet@capulet.example/yn0cl4bnw0yr3vym");
    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(Fresh.MIN_RANDOM_LENGTH));
    private static final JingleInitiator.Config CONFIG = new JingleInitiator.Config(ROMEO, JULIET, "a73sjjvkla37jfea",
            new JingleFile(Option.none(), Option.none(), Option.none(), Option.some("test.txt"), Option.some(6144L), Option.none(),
                    Array.empty(), Option.none()), new JingleTransport.Ibb(4096, "ch3d9s71"));

    @Test
    void theReceiversCancelIsExample9AndTheSenderAcknowledgesAsExample11AndFails() {
        Session session = accepted();
        Iq abort = sentR(JingleResponder.step(JULIET, session.responder(), new JingleResponder.Input.Abort(JingleReason.of("cancel")), FRESH)
                .outputs()).single();
        assertThat(ExampleStanzas.normalized(abort.withId(Option.some("jp2ba614")).withFrom(Option.some(JULIET))))
                .isEqualTo(ExampleStanzas.normalized(example(9)));

        Step<JingleInitiator.State, JingleInitiator.Output> told = JingleInitiator.step(CONFIG, session.initiator(),
                new JingleInitiator.Input.Received((Iq) example(9)), FRESH);
        assertThat(sentI(told.outputs()).map(ExampleStanzas::normalized)).containsExactly(ExampleStanzas.normalized(example(11)));
        assertThat(told.outputs()).anyMatch(o -> o instanceof JingleInitiator.Output.Failed f && f.reason().contains("cancel"));
        assertThat(told.state().phase()).isEqualTo(JingleInitiator.Phase.FAILED);
    }

    @ParameterizedTest(name = "Example {0}")
    @ValueSource(ints = {10, 18})
    void aContentRemoveIsAcknowledgedAndTheVoidSessionTerminatedWithItsReason(int example) {
        Iq remove = (Iq) example(example);
        Jingle removal = (Jingle) remove.payload().get();
        Iq forThisSession = remove.withChildren(Array.of(new Jingle(JingleAction.CONTENT_REMOVE, CONFIG.sid(), Option.none(), Option.none(),
                removal.contents(), removal.reason(), removal.info(), removal.checksum())))
                .withFrom(Option.some(JULIET)).withTo(Option.some(ROMEO));
        Step<JingleInitiator.State, JingleInitiator.Output> removed = JingleInitiator.step(CONFIG, accepted().initiator(),
                new JingleInitiator.Input.Received(forThisSession), FRESH);
        Seq<Iq> sent = sentI(removed.outputs());
        assertThat(sent.head().type()).isEqualTo(dev.starling.model.stanza.IqType.RESULT);
        Jingle terminate = (Jingle) sent.get(1).payload().get();
        assertThat(terminate.action()).isEqualTo(JingleAction.SESSION_TERMINATE);
        assertThat(terminate.reason()).isEqualTo(removal.reason());
        assertThat(removed.state().phase()).isEqualTo(JingleInitiator.Phase.FAILED);
        if (example == 18) {
            assertThat(removal.reason().get().application()).contains(Element.of(FileDescription.ERRORS_NAMESPACE, "file-too-large"));
        }
    }

    @Test
    void theReceiversSuccessOfExample12CompletesTheTransfer() {
        Step<JingleInitiator.State, JingleInitiator.Output> ended = JingleInitiator.step(CONFIG, accepted().initiator(),
                new JingleInitiator.Input.Received((Iq) example(12)), FRESH);
        assertThat(sentI(ended.outputs()).map(ExampleStanzas::normalized)).containsExactly(ExampleStanzas.normalized(
                ((Iq) example(11))));
        assertThat(ended.outputs()).contains(new JingleInitiator.Output.Done());
        assertThat(ended.state().phase()).isEqualTo(JingleInitiator.Phase.ENDED);
    }

    @Test
    void theReceivedAckOfExample13IsAcknowledgedAndChangesNothing() {
        Session session = accepted();
        Step<JingleInitiator.State, JingleInitiator.Output> acked = JingleInitiator.step(CONFIG, session.initiator(),
                new JingleInitiator.Input.Received((Iq) example(13)), FRESH);
        assertThat(sentI(acked.outputs()).map(ExampleStanzas::normalized)).containsExactly(ExampleStanzas.normalized(example(11)));
        assertThat(acked.state()).isEqualTo(session.initiator());
    }

    /** Both sides of an accepted IBB session: the initiator active, the responder expecting the bytes. */
    private record Session(JingleInitiator.State initiator, JingleResponder.State responder) {
    }

    private static Session accepted() {
        Step<JingleInitiator.State, JingleInitiator.Output> start = JingleInitiator.step(CONFIG, JingleInitiator.initial(CONFIG),
                new JingleInitiator.Input.Start(), FRESH);
        Iq initiate = sentI(start.outputs()).single().withFrom(Option.some(ROMEO));
        JingleResponder.State offered = JingleResponder.offer(initiate, JULIET, 4096, FRESH).get().state().get();
        Step<JingleResponder.State, JingleResponder.Output> accepting = JingleResponder.step(JULIET, offered, new JingleResponder.Input.Accept(), FRESH);
        Iq accept = sentR(accepting.outputs()).single().withFrom(Option.some(JULIET)).withTo(Option.some(ROMEO));
        JingleInitiator.State active = JingleInitiator.step(CONFIG, start.state(), new JingleInitiator.Input.Received(accept), FRESH).state();
        assertThat(active.phase()).isEqualTo(JingleInitiator.Phase.ACTIVE);
        return new Session(active, accepting.state());
    }

    private static dev.starling.model.stanza.Stanza example(int number) {
        return ExampleStanzas.stanzas("xep-0234", number).single();
    }

    private static Seq<Iq> sentI(Seq<JingleInitiator.Output> outputs) {
        return outputs.filter(JingleInitiator.Output.Send.class::isInstance).map(o -> ((JingleInitiator.Output.Send) o).iq());
    }

    private static Seq<Iq> sentR(Seq<JingleResponder.Output> outputs) {
        return outputs.filter(JingleResponder.Output.Send.class::isInstance).map(o -> ((JingleResponder.Output.Send) o).iq());
    }
}
