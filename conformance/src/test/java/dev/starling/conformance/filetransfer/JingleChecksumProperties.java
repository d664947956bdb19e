package dev.starling.conformance.filetransfer;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.jingle.JingleInitiator;
import dev.starling.model.jid.Jid;
import dev.starling.model.jingle.Hash;
import dev.starling.model.jingle.Jingle;
import dev.starling.model.jingle.JingleAction;
import dev.starling.model.jingle.JingleContent;
import dev.starling.model.jingle.JingleFile;
import dev.starling.model.jingle.JingleTransport;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import io.vavr.collection.Array;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0234 §8.1 for a file offered with {@code <hash-used/>}: whatever order the responder's
 * session-accept, the shell's "delivered" and its "hashed" arrive in, and however often, the
 * initiator sends the checksum at most once and never before the accept, terminates at most once
 * and only after the checksum, and terminates exactly when all three have happened (the delivery
 * after the accept).
 */
class JingleChecksumProperties {

    private static final Jid ROMEO = Jid.of("romeo@montague.example/orchard");
    private static final Jid JULIET = Jid.of("juliet@capulet.example/balcony");
    private static final Fresh FRESH = new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(Fresh.MIN_RANDOM_LENGTH));
    private static final JingleFile FILE = new JingleFile(Option.none(), Option.none(), Option.none(), Option.some("f.bin"), Option.some(10L),
            Option.none(), Array.empty(), Option.some("sha-256"));
    private static final JingleInitiator.Config CONFIG = new JingleInitiator.Config(ROMEO, JULIET, "s1", FILE, new JingleTransport.Ibb(4096, "i1"));

    enum Event { ACCEPT, DELIVERED, HASHED }

    @Property(tries = 500)
    void theChecksumPrecedesTheOnlyTermination(@ForAll("events") List<Event> events) {
        JingleInitiator.State state = JingleInitiator.step(CONFIG, JingleInitiator.initial(CONFIG), new JingleInitiator.Input.Start(), FRESH).state();
        List<JingleAction> sent = new ArrayList<>();
        boolean accepted = false;
        boolean deliveredAfterAccept = false;
        boolean hashed = false;
        for (Event event : events) {
            boolean acceptedByNow = accepted || event == Event.ACCEPT;
            Step<JingleInitiator.State, JingleInitiator.Output> step = JingleInitiator.step(CONFIG, state, input(event), FRESH);
            state = step.state();
            for (JingleInitiator.Output output : step.outputs()) {
                if (output instanceof JingleInitiator.Output.Send send && send.iq().type() == IqType.SET) {
                    JingleAction action = ((Jingle) send.iq().payload().get()).action();
                    if (action == JingleAction.SESSION_INFO) {
                        assertThat(acceptedByNow).as("no checksum before the session-accept").isTrue();
                    }
                    sent.add(action);
                }
            }
            deliveredAfterAccept |= event == Event.DELIVERED && accepted;
            accepted |= event == Event.ACCEPT;
            hashed |= event == Event.HASHED;
        }
        long checksums = sent.stream().filter(a -> a == JingleAction.SESSION_INFO).count();
        long terminations = sent.stream().filter(a -> a == JingleAction.SESSION_TERMINATE).count();
        assertThat(checksums).isEqualTo(accepted && hashed ? 1 : 0);
        assertThat(terminations).isEqualTo(deliveredAfterAccept && hashed ? 1 : 0);
        if (terminations == 1) {
            assertThat(sent.indexOf(JingleAction.SESSION_INFO)).isLessThan(sent.indexOf(JingleAction.SESSION_TERMINATE));
        }
    }

    @Provide
    Arbitrary<List<Event>> events() {
        return Arbitraries.of(Event.class).list().ofMaxSize(7);
    }

    private static JingleInitiator.Input input(Event event) {
        return switch (event) {
            case ACCEPT -> new JingleInitiator.Input.Received(new Iq(IqType.SET, "accept", Option.some(JULIET), Option.some(ROMEO), Option.none(),
                    Array.of(Jingle.of(JingleAction.SESSION_ACCEPT, "s1", Array.of(new JingleContent("initiator", "a-file-offer",
                            Option.some("initiator"), Option.none(), Option.some(new JingleTransport.Ibb(4096, "i1")), Option.none())))
                            .withResponder(JULIET))));
            case DELIVERED -> new JingleInitiator.Input.Delivered();
            case HASHED -> new JingleInitiator.Input.Hashed(Array.of(new Hash("sha-256", "AAAA")));
        };
    }
}
