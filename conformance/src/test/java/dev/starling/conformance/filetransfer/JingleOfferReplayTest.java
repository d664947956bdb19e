package dev.starling.conformance.filetransfer;

import dev.starling.conformance.im.ExampleStanzas;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.jingle.JingleInitiator;
import dev.starling.machine.jingle.JingleResponder;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import dev.starling.model.jingle.FileDescription;
import dev.starling.model.jingle.Jingle;
import dev.starling.model.jingle.JingleContent;
import dev.starling.model.jingle.JingleTransport;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0234 §6.1, the offer over SOCKS5 (Examples 1 to 4), through both machines with the spec's
 * own file and candidates: Romeo's initiator, given Example 1's file and transport, sends
 * Example 1; Juliet's responder acknowledges it as Example 2 and, offered Example 3's candidates
 * as its own, sends Example 3 (Starling adds the responder's {@code dstaddr}, which XEP-0260 §2.2
 * allows and Smack needs, so it is left out of the comparison); Romeo acknowledges as Example 4
 * and tries Juliet's candidates, highest priority first.
 */
class JingleOfferReplayTest {

    private static final Jid ROMEO = Jid.of("romeo@montague.example/dr4hcr0st3lup4c");
    private static final Jid JULIET = Jid.of("juliet@capulet.example/yn0cl4bnw0yr3vym");
    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(Fresh.MIN_RANDOM_LENGTH));

    @Test
    void theOfferOfExamples1To4() {
        Iq initiate = (Iq) example(1);
        JingleContent offered = ((Jingle) initiate.payload().get()).contents().single();
        JingleInitiator.Config config = new JingleInitiator.Config(ROMEO, JULIET, "851ba2",
                ((FileDescription) offered.description().get()).file(), offered.transport().get(), Option.none());
        Step<JingleInitiator.State, JingleInitiator.Output> started = JingleInitiator.step(config, JingleInitiator.initial(config),
                new JingleInitiator.Input.Start(), FRESH);
        Iq sent = sentI(started.outputs()).single();
        assertThat(ExampleStanzas.normalized(sent.withId(initiate.id()).withFrom(Option.some(ROMEO))))
                .as("Example 1").isEqualTo(ExampleStanzas.normalized(initiate));

        var offer = JingleResponder.offer(initiate, JULIET, 4096, FRESH).get();
        assertThat(sentR(offer.outputs()).map(ExampleStanzas::normalized)).as("Example 2").containsExactly(ExampleStanzas.normalized(example(2)));

        Iq accept = (Iq) example(3);
        Seq<JingleTransport.Candidate> own = ((JingleTransport.Socks5) ((Jingle) accept.payload().get()).contents().single().transport().get())
                .candidates();
        Step<JingleResponder.State, JingleResponder.Output> accepted = JingleResponder.step(JULIET, offer.state().get(),
                new JingleResponder.Input.Accept(own), FRESH);
        Iq accepting = sentR(accepted.outputs()).single();
        assertThat(xml(withoutDstaddr(ExampleStanzas.normalized(accepting.withId(accept.id()).withFrom(Option.some(JULIET))))))
                .as("Example 3").isEqualTo(xml(ExampleStanzas.normalized(accept)));
        assertThat(accepted.outputs()).anyMatch(JingleResponder.Output.TryCandidates.class::isInstance);

        Step<JingleInitiator.State, JingleInitiator.Output> acknowledged = JingleInitiator.step(config, started.state(),
                new JingleInitiator.Input.Received(accept), FRESH);
        assertThat(sentI(acknowledged.outputs()).map(ExampleStanzas::normalized)).as("Example 4")
                .containsExactly(ExampleStanzas.normalized(example(4)));
        JingleInitiator.Output.TryCandidates tried = acknowledged.outputs().filter(JingleInitiator.Output.TryCandidates.class::isInstance)
                .map(JingleInitiator.Output.TryCandidates.class::cast).single();
        assertThat(tried.candidates().map(JingleTransport.Candidate::cid)).as("by priority (XEP-0260 §2.3)")
                .containsExactly("ht567dq", "grt654q2", "hr65dqyd");
    }

    private static String xml(Element element) {
        return new dev.starling.codec.xml.XmlEncoder().toXml(element);
    }

    /** The session-accept without the responder's dstaddr on its transport. */
    private static Element withoutDstaddr(Element iq) {
        return rewrite(iq, element -> element.localName().equals("transport") ? element.withoutAttribute(QName.of("", "dstaddr")) : element);
    }

    private static Element rewrite(Element element, java.util.function.UnaryOperator<Element> change) {
        Element changed = change.apply(element);
        return changed.replaceChildren(List.ofAll(changed.children()).map(child -> child instanceof Element e ? rewrite(e, change) : child));
    }

    private static Stanza example(int number) {
        return ExampleStanzas.stanzas("xep-0234", number).single();
    }

    private static Seq<Iq> sentI(Seq<JingleInitiator.Output> outputs) {
        return outputs.filter(JingleInitiator.Output.Send.class::isInstance).map(o -> ((JingleInitiator.Output.Send) o).iq());
    }

    private static Seq<Iq> sentR(Seq<JingleResponder.Output> outputs) {
        return outputs.filter(JingleResponder.Output.Send.class::isInstance).map(o -> ((JingleResponder.Output.Send) o).iq());
    }
}
