package dev.starling.conformance.filetransfer;

import dev.starling.conformance.im.ExampleStanzas;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.jingle.JingleInitiator;
import dev.starling.machine.jingle.JingleResponder;
import dev.starling.model.jid.Jid;
import dev.starling.model.jingle.FileDescription;
import dev.starling.model.jingle.Hash;
import dev.starling.model.jingle.Jingle;
import dev.starling.model.jingle.JingleAction;
import dev.starling.model.jingle.JingleContent;
import dev.starling.model.jingle.JingleFile;
import dev.starling.model.jingle.JingleTransport;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0234 §8.1, the checksum sent after the offer: the file of Example 16 (naming its function
 * with {@code <hash-used/>}) is offered without a hash; the initiator sends Example 14's checksum
 * in a session-info once the shell reports the hash, and only then terminates; a hash reported
 * before the session-accept is held until the accept; the responder acknowledges Example 14 and
 * hands its hashes to the shell.
 */
class JingleChecksumReplayTest {

    private static final Jid ROMEO = Jid.of("romeo@montague.example/dr4hcr0st3lup4c");
    private static final Jid JULIET = Jid.of("juliet@capulet.example/yn0cl4bnw0yr3vym");
    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(Fresh.MIN_RANDOM_LENGTH));
    private static final Hash SHA1 = new Hash("sha-1", "w0mcJylzCn+AfvuGdqkty2+KP48=");

    @Test
    void theInitiateNamesTheFunctionAsExample16Does() {
        JingleFile file = example16File();
        assertThat(file.hashUsed()).contains("sha-1");
        assertThat(file.hashes()).isEmpty();
        Iq initiate = sent(JingleInitiator.step(config(file), JingleInitiator.initial(config(file)), new JingleInitiator.Input.Start(), FRESH)
                .outputs()).single();
        JingleContent content = ((Jingle) initiate.payload().get()).contents().single();
        assertThat(((FileDescription) content.description().get()).file()).isEqualTo(file);
    }

    @Test
    void theChecksumOfExample14GoesOutBeforeTheTermination() {
        JingleInitiator.Config config = config(example16File());
        JingleInitiator.State active = accepted(config, JingleInitiator.initial(config)).state();

        Step<JingleInitiator.State, JingleInitiator.Output> delivered = JingleInitiator.step(config, active, new JingleInitiator.Input.Delivered(), FRESH);
        assertThat(delivered.outputs()).as("no termination before the checksum").isEmpty();

        Step<JingleInitiator.State, JingleInitiator.Output> hashed = JingleInitiator.step(config, delivered.state(),
                new JingleInitiator.Input.Hashed(Array.of(SHA1)), FRESH);
        Seq<Iq> out = sent(hashed.outputs());
        assertThat(out).hasSize(2);
        assertThat(ExampleStanzas.normalized(out.get(0))).isEqualTo(ExampleStanzas.normalized(
                example(14).withId(Option.some(out.get(0).iqId())).withFrom(Option.none())));
        assertThat(((Jingle) out.get(1).payload().get()).action()).isEqualTo(JingleAction.SESSION_TERMINATE);
        assertThat(((Jingle) out.get(1).payload().get()).reason().get().condition()).isEqualTo("success");
        assertThat(hashed.state().phase()).isEqualTo(JingleInitiator.Phase.ENDING);
    }

    @Test
    void aHashReportedBeforeTheAcceptIsHeldUntilIt() {
        JingleInitiator.Config config = config(example16File());
        JingleInitiator.State started = JingleInitiator.step(config, JingleInitiator.initial(config), new JingleInitiator.Input.Start(), FRESH).state();
        Step<JingleInitiator.State, JingleInitiator.Output> early = JingleInitiator.step(config, started, new JingleInitiator.Input.Hashed(Array.of(SHA1)), FRESH);
        assertThat(early.outputs()).as("no session-info before the session-accept").isEmpty();

        Step<JingleInitiator.State, JingleInitiator.Output> accepted = accepted(config, early.state());
        Seq<Iq> out = sent(accepted.outputs());
        assertThat(out.get(0).type()).isEqualTo(IqType.RESULT); // the acknowledgement of the accept comes first
        assertThat(ExampleStanzas.normalized(out.last())).isEqualTo(ExampleStanzas.normalized(
                example(14).withId(Option.some(out.last().iqId())).withFrom(Option.none())));
        assertThat(sent(JingleInitiator.step(config, accepted.state(), new JingleInitiator.Input.Delivered(), FRESH).outputs())
                .map(iq -> ((Jingle) iq.payload().get()).action())).containsExactly(JingleAction.SESSION_TERMINATE);
    }

    @Test
    void anOfferThatCarriesItsHashIsTerminatedAtOnce() {
        JingleFile withHash = new JingleFile(Option.none(), Option.none(), Option.none(), Option.some("test.txt"), Option.some(6144L),
                Option.none(), Array.of(SHA1), Option.none());
        JingleInitiator.Config config = config(withHash);
        JingleInitiator.State active = accepted(config, JingleInitiator.initial(config)).state();
        assertThat(sent(JingleInitiator.step(config, active, new JingleInitiator.Input.Delivered(), FRESH).outputs())
                .map(iq -> ((Jingle) iq.payload().get()).action())).containsExactly(JingleAction.SESSION_TERMINATE);
        assertThat(JingleInitiator.step(config, active, new JingleInitiator.Input.Hashed(Array.of(SHA1)), FRESH).outputs()).isEmpty();
    }

    @Test
    void theResponderAcknowledgesExample14AndHandsOverItsHash() {
        Iq initiate = sent(JingleInitiator.step(config(example16File()), JingleInitiator.initial(config(example16File())),
                new JingleInitiator.Input.Start(), FRESH).outputs()).single().withFrom(Option.some(ROMEO));
        JingleResponder.State offered = JingleResponder.offer(initiate, JULIET, 4096, FRESH).get().state().get();
        JingleResponder.State active = JingleResponder.step(JULIET, offered, new JingleResponder.Input.Accept(), FRESH).state();

        Iq checksum = (Iq) example(14);
        Step<JingleResponder.State, JingleResponder.Output> step = JingleResponder.step(JULIET, active, new JingleResponder.Input.Received(checksum), FRESH);
        assertThat(step.outputs()).hasSize(2);
        assertThat(((JingleResponder.Output.Send) step.outputs().get(0)).iq().type()).isEqualTo(IqType.RESULT);
        assertThat(step.outputs().get(1)).isEqualTo(new JingleResponder.Output.ChecksumReceived(Array.of(SHA1)));
        assertThat(step.state()).isEqualTo(active);
    }

    /** Example 16's file, as the codec reads it. */
    private static JingleFile example16File() {
        Jingle initiate = (Jingle) ((Iq) example(16)).payload().get();
        return ((FileDescription) initiate.contents().single().description().get()).file();
    }

    /** An IBB session for the file, in Example 14's session. */
    private static JingleInitiator.Config config(JingleFile file) {
        return new JingleInitiator.Config(ROMEO, JULIET, "a73sjjvkla37jfea", file, new JingleTransport.Ibb(4096, "ch3d9s71"));
    }

    /** Start, then the responder's session-accept. */
    private static Step<JingleInitiator.State, JingleInitiator.Output> accepted(JingleInitiator.Config config, JingleInitiator.State state) {
        JingleInitiator.State started = state.phase() == JingleInitiator.Phase.PENDING && state.equals(JingleInitiator.initial(config))
                ? JingleInitiator.step(config, state, new JingleInitiator.Input.Start(), FRESH).state() : state;
        Iq accept = new Iq(IqType.SET, "accept1", Option.some(JULIET), Option.some(ROMEO), Option.none(), Array.of(
                Jingle.of(JingleAction.SESSION_ACCEPT, config.sid(), Array.of(new JingleContent("initiator", "a-file-offer", Option.some("initiator"),
                        Option.none(), Option.some(new JingleTransport.Ibb(4096, "ch3d9s71")), Option.none()))).withResponder(JULIET)));
        return JingleInitiator.step(config, started, new JingleInitiator.Input.Received(accept), FRESH);
    }

    private static dev.starling.model.stanza.Stanza example(int number) {
        return ExampleStanzas.stanzas("xep-0234", number).single();
    }

    private static Seq<Iq> sent(Seq<JingleInitiator.Output> outputs) {
        return outputs.filter(JingleInitiator.Output.Send.class::isInstance).map(o -> ((JingleInitiator.Output.Send) o).iq());
    }
}
