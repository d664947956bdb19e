package dev.starling.conformance.filetransfer;

import dev.starling.codec.CodecRegistry;
import dev.starling.conformance.im.ExampleStanzas;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.ibb.IbbReceiver;
import dev.starling.machine.ibb.IbbSender;
import dev.starling.machine.jingle.JingleInitiator;
import dev.starling.machine.jingle.JingleResponder;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.ibb.InBandBytestream;
import dev.starling.model.jid.Jid;
import dev.starling.model.jingle.FileDescription;
import dev.starling.model.jingle.Jingle;
import dev.starling.model.jingle.JingleAction;
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
 * Either side giving up on a transfer, as the pure machines say it: an in-band receiver closes
 * the open stream with XEP-0047 Example 8's close (from its side, §2.3) and refuses what comes
 * after; a sender cancels with a close unless the receiver closed first; a Jingle receiver ends
 * the session with its reason, {@code media-error} with XEP-0234's {@code <file-too-large/>}
 * among them (§7.2), encoded on the wire; a Jingle initiator ends it with {@code cancel}, but not
 * once it has sent {@code success}. Each gives up once.
 */
class GivingUpReplayTest {

    private static final Jid ROMEO = Jid.of("romeo@montague.net/orchard");
    private static final Jid JULIET = Jid.of("juliet@capulet.com/balcony");
    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(Fresh.MIN_RANDOM_LENGTH));
    private static final IbbReceiver.Config RECEIVER = new IbbReceiver.Config(ROMEO, "i781hf64", 4096);
    private static final IbbSender.Config SENDER = new IbbSender.Config(JULIET, "i781hf64", 4096, InBandBytestream.Carrier.IQ, 1);

    @Test
    void anInBandReceiverClosesTheOpenStreamAndRefusesWhatFollows() {
        IbbReceiver.State open = IbbReceiver.receive(RECEIVER, IbbReceiver.State.initial(), ibb(1), FRESH).state();
        Step<IbbReceiver.State, IbbReceiver.Output> given = IbbReceiver.abort(RECEIVER, open, FRESH);
        Iq close = (Iq) ((IbbReceiver.Output.Send) given.outputs().single()).stanza();
        assertThat(close.to()).contains(ROMEO);
        assertThat(close.payload()).isEqualTo(ibb(8).children().headOption()); // Example 8's close, sent the other way
        assertThat(given.state().ended()).isTrue();

        Iq refusal = (Iq) ((IbbReceiver.Output.Send) IbbReceiver.receive(RECEIVER, given.state(), ibb(6), FRESH).outputs().single()).stanza();
        assertThat(refusal.error().get().condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
        assertThat(IbbReceiver.abort(RECEIVER, given.state(), FRESH).outputs()).as("once").isEmpty();

        Step<IbbReceiver.State, IbbReceiver.Output> early = IbbReceiver.abort(RECEIVER, IbbReceiver.State.initial(), FRESH);
        assertThat(early.outputs()).as("nothing to close before the open").isEmpty();
        Iq lateOpen = (Iq) ((IbbReceiver.Output.Send) IbbReceiver.receive(RECEIVER, early.state(), ibb(1), FRESH).outputs().single()).stanza();
        assertThat(lateOpen.error().get().condition()).isEqualTo(StanzaErrorCondition.NOT_ACCEPTABLE);
    }

    @Test
    void anInBandSenderCancelsWithACloseUnlessTheReceiverClosedFirst() {
        Step<IbbSender.State, IbbSender.Output> started = IbbSender.step(SENDER, IbbSender.initial(SENDER), new IbbSender.Input.Start(), FRESH);
        Iq open = (Iq) IbbSender.stanzas(started.outputs()).single();
        IbbSender.State sending = IbbSender.step(SENDER, started.state(), new IbbSender.Input.FromPeer((Iq) ibb(2).withId(Option.some(open.iqId()))
                .withFrom(Option.some(JULIET))), FRESH).state();
        Step<IbbSender.State, IbbSender.Output> cancelled = IbbSender.step(SENDER, sending, new IbbSender.Input.Cancel(), FRESH);
        Iq close = (Iq) IbbSender.stanzas(cancelled.outputs()).single();
        assertThat(ExampleStanzas.normalized(close.withId(Option.some("us71g45j")).withFrom(Option.some(ROMEO))))
                .isEqualTo(ExampleStanzas.normalized(ibb(8)));
        assertThat(cancelled.state().ended()).isTrue();
        assertThat(IbbSender.step(SENDER, cancelled.state(), new IbbSender.Input.Cancel(), FRESH).outputs()).isEmpty();

        Iq peersClose = new Iq(dev.starling.model.stanza.IqType.SET, "c1", Option.some(JULIET), Option.some(ROMEO), Option.none(),
                Array.of(new InBandBytestream.Close("i781hf64")));
        IbbSender.State closedByPeer = IbbSender.step(SENDER, sending, new IbbSender.Input.FromPeer(peersClose), FRESH).state();
        assertThat(IbbSender.stanzas(IbbSender.step(SENDER, closedByPeer, new IbbSender.Input.Cancel(), FRESH).outputs()))
                .as("no close for a stream the receiver closed").noneMatch(s -> s.children().exists(InBandBytestream.Close.class::isInstance));
    }

    @Test
    void aJingleReceiverEndsTheSessionWithItsReasonOnTheWire() {
        JingleInitiator.Config config = new JingleInitiator.Config(ROMEO, JULIET, "a73sjjvkla37jfea", new JingleFile(Option.none(), Option.none(),
                Option.none(), Option.some("big.bin"), Option.some(6144L), Option.none(), Array.empty(), Option.none()),
                new JingleTransport.Ibb(4096, "ch3d9s71"));
        Iq initiate = sentI(JingleInitiator.step(config, JingleInitiator.initial(config), new JingleInitiator.Input.Start(), FRESH).outputs())
                .single().withFrom(Option.some(ROMEO));
        JingleResponder.State offered = JingleResponder.offer(initiate, JULIET, 4096, FRESH).get().state().get();
        JingleResponder.State active = JingleResponder.step(JULIET, offered, new JingleResponder.Input.Accept(), FRESH).state();

        JingleReason tooLarge = new JingleReason("media-error", Option.none(), Option.none(),
                Option.some(Element.of(FileDescription.ERRORS_NAMESPACE, "file-too-large")));
        Step<JingleResponder.State, JingleResponder.Output> given = JingleResponder.step(JULIET, active, new JingleResponder.Input.Abort(tooLarge), FRESH);
        Iq terminate = sentR(given.outputs()).single();
        assertThat(terminate.to()).contains(ROMEO);
        Jingle onTheWire = (Jingle) decoded(terminate).payload().get();
        assertThat(onTheWire.action()).isEqualTo(JingleAction.SESSION_TERMINATE);
        assertThat(onTheWire.reason()).contains(tooLarge);
        assertThat(given.state().phase()).isEqualTo(JingleResponder.Phase.FAILED);
        assertThat(JingleResponder.step(JULIET, given.state(), new JingleResponder.Input.Abort(JingleReason.of("cancel")), FRESH).outputs()).isEmpty();
    }

    @Test
    void aJingleInitiatorCancelsButNotAfterSuccess() {
        JingleInitiator.Config config = new JingleInitiator.Config(ROMEO, JULIET, "a73sjjvkla37jfea", new JingleFile(Option.none(), Option.none(),
                Option.none(), Option.some("test.txt"), Option.some(6144L), Option.none(), Array.empty(), Option.none()),
                new JingleTransport.Ibb(4096, "ch3d9s71"));
        Step<JingleInitiator.State, JingleInitiator.Output> started = JingleInitiator.step(config, JingleInitiator.initial(config),
                new JingleInitiator.Input.Start(), FRESH);
        Iq initiate = sentI(started.outputs()).single().withFrom(Option.some(ROMEO));
        var offered = JingleResponder.offer(initiate, JULIET, 4096, FRESH).get().state().get();
        Iq accept = sentR(JingleResponder.step(JULIET, offered, new JingleResponder.Input.Accept(), FRESH).outputs()).single()
                .withFrom(Option.some(JULIET)).withTo(Option.some(ROMEO));
        JingleInitiator.State active = JingleInitiator.step(config, started.state(), new JingleInitiator.Input.Received(accept), FRESH).state();

        Step<JingleInitiator.State, JingleInitiator.Output> cancelled = JingleInitiator.step(config, active,
                new JingleInitiator.Input.Abort(JingleReason.of("cancel")), FRESH);
        assertThat(((Jingle) sentI(cancelled.outputs()).single().payload().get()).reason()).contains(JingleReason.of("cancel"));
        assertThat(cancelled.state().phase()).isEqualTo(JingleInitiator.Phase.FAILED);

        JingleInitiator.State ending = JingleInitiator.step(config, active, new JingleInitiator.Input.Delivered(), FRESH).state();
        assertThat(ending.phase()).isEqualTo(JingleInitiator.Phase.ENDING);
        assertThat(JingleInitiator.step(config, ending, new JingleInitiator.Input.Abort(JingleReason.of("cancel")), FRESH).outputs())
                .as("success was sent: nothing to cancel").isEmpty();
    }

    private static Stanza ibb(int example) {
        return ExampleStanzas.stanzas("xep-0047", example).single();
    }

    private static Iq decoded(Iq iq) {
        CodecRegistry registry = CodecRegistry.core();
        return (Iq) ExampleStanzas.decode(new dev.starling.codec.xml.XmlEncoder().toXml(registry.encode(iq, Namespaces.CLIENT))).single();
    }

    private static Seq<Iq> sentI(Seq<JingleInitiator.Output> outputs) {
        return outputs.filter(JingleInitiator.Output.Send.class::isInstance).map(o -> ((JingleInitiator.Output.Send) o).iq());
    }

    private static Seq<Iq> sentR(Seq<JingleResponder.Output> outputs) {
        return outputs.filter(JingleResponder.Output.Send.class::isInstance).map(o -> ((JingleResponder.Output.Send) o).iq());
    }
}
