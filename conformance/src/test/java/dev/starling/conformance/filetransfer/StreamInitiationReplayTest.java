package dev.starling.conformance.filetransfer;

import dev.starling.conformance.im.ExampleStanzas;
import dev.starling.machine.si.SiNegotiation;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import dev.starling.model.si.FileNames;
import dev.starling.model.si.FileTransfer;
import dev.starling.model.si.Range;
import dev.starling.model.si.StreamInitiation;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.Stanza;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XEP-0095 and XEP-0096 replayed: the receiver's answers to the offers of XEP-0095 Example 3 and
 * XEP-0096 Examples 1 and 3 must be the examples that follow them (the offers carry no 'from',
 * which the receiver's server stamps, so the sender's JID is set before reading them), each
 * refusal must be its example, and the sender's offer must be XEP-0096 Example 1.
 */
class StreamInitiationReplayTest {

    private static final Jid SENDER = Jid.of("sender@jabber.org/resource");
    private static final Jid RECEIVER = Jid.of("receiver@jabber.org/resource");
    private static final Seq<String> SUPPORTED = Array.of("http://jabber.org/protocol/bytestreams", "http://jabber.org/protocol/ibb");

    @Test
    void theReceiverAcceptsXep0095Example3WithExample4() {
        Iq offer = received("xep-0095", 3);
        SiNegotiation.Offer read = SiNegotiation.read(offer, SUPPORTED).get();
        assertThat(read.safeName()).isEqualTo("test.txt");
        assertThat(read.size()).isEqualTo(1022);
        assertThat(read.file().desc()).contains("This is info about the file.");
        assertThat(normalized(SiNegotiation.accept(offer, read, Option.none()))).isEqualTo(answer("xep-0095", 4));
    }

    @Test
    void theReceiverAnswersXep0096Examples1And3WithTheirResults() {
        Iq simple = received("xep-0096", 1);
        assertThat(normalized(SiNegotiation.accept(simple, SiNegotiation.read(simple, SUPPORTED).get(), Option.none())))
                .isEqualTo(answer("xep-0096", 2));
        Iq complete = received("xep-0096", 3);
        SiNegotiation.Offer read = SiNegotiation.read(complete, SUPPORTED).get();
        assertThat(read.file().hash()).contains("552da749930852c69ae5d2141d3766b1");
        assertThat(read.file().date()).contains("1969-07-21T02:56:15Z");
        Iq accepted = SiNegotiation.accept(complete, read, Option.none());
        // Example 4 adds an empty <file/>, which says nothing more: the same method, no range
        assertThat(SiNegotiation.answer(accepted, read.methods())).isEqualTo(SiNegotiation.answer(example("xep-0096", 4), read.methods()));
    }

    @Test
    void noCommonMethodIsExample6AnotherProfileIsExample7AndDecliningIsExample8() {
        Iq offer = received("xep-0095", 3);
        assertThat(normalized(SiNegotiation.read(offer, Array.of("urn:example:carrier-pigeon")).getLeft())).isEqualTo(answer("xep-0095", 6));
        Iq otherProfile = offer.withChildren(Array.of(((StreamInitiation) offer.payload().get()).withProfile("http://jabber.org/protocol/si/profile/profile-name")));
        assertThat(normalized(SiNegotiation.read(otherProfile, SUPPORTED).getLeft())).isEqualTo(answer("xep-0095", 7));
        assertThat(normalized(SiNegotiation.decline(offer))).isEqualTo(answer("xep-0095", 8));
    }

    @Test
    void theSenderOffersXep0096Example1AndReadsEveryAnswer() {
        Iq offer = SiNegotiation.offer("offer1", RECEIVER, "a0", FileTransfer.of("test.txt", 1022), Option.some("text/plain"), SUPPORTED);
        assertThat(normalized(offer)).isEqualTo(ExampleStanzas.normalized(example("xep-0096", 1)));
        assertThat(SiNegotiation.answer(example("xep-0096", 2), SUPPORTED))
                .isEqualTo(Either.right(new SiNegotiation.Accepted("http://jabber.org/protocol/bytestreams", Option.none())));
        assertThat(SiNegotiation.answer(example("xep-0095", 6), SUPPORTED)).isEqualTo(Either.left(SiNegotiation.Refusal.NO_VALID_STREAMS));
        assertThat(SiNegotiation.answer(example("xep-0095", 7), SUPPORTED)).isEqualTo(Either.left(SiNegotiation.Refusal.BAD_PROFILE));
        assertThat(SiNegotiation.answer(example("xep-0095", 8), SUPPORTED)).isEqualTo(Either.left(SiNegotiation.Refusal.DECLINED));
        assertThat(SiNegotiation.answer(example("xep-0095", 4), Array.of("http://jabber.org/protocol/ibb")))
                .isEqualTo(Either.left(SiNegotiation.Refusal.FAILED)); // a method it never offered
    }

    @Test
    void aReceiverAsksForARangeToResume() {
        Iq offer = received("xep-0096", 3);
        SiNegotiation.Offer read = SiNegotiation.read(offer, SUPPORTED).get();
        Range rest = new Range(Option.some(128L), Option.none());
        assertThat(SiNegotiation.answer(SiNegotiation.accept(offer, read, Option.some(rest)), read.methods()).get().range()).contains(rest);
        assertThat(rest.lengthOf(1022)).isEqualTo(894);
        assertThat(new Range(Option.some(128L), Option.some(256L)).lengthOf(1022)).isEqualTo(256);
        assertThat(Range.whole().lengthOf(1022)).isEqualTo(1022);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "report.pdf|report.pdf", "../../etc/passwd|passwd", "C:\\Users\\x\\evil.exe|evil.exe", "dir/sub/|", "..|", ".|", "a:b|", "' '|"})
    void offeredNamesBecomeASafeNameOrNone(String offered, String safe) {
        assertThat(FileNames.safe(offered)).isEqualTo(Option.of(safe));
    }

    @Test
    void anOfferWhoseNameLeavesNothingSafeIsBadRequest() {
        Iq offer = SiNegotiation.offer("o2", RECEIVER, "a1", FileTransfer.of("../", 10), Option.none(), SUPPORTED)
                .withFrom(Option.some(SENDER));
        assertThat(SiNegotiation.read(offer, SUPPORTED).getLeft().error().get().condition().wireName()).isEqualTo("bad-request");
    }

    private static Iq example(String spec, int number) {
        return (Iq) ExampleStanzas.stanzas(spec, number).single();
    }

    private static Iq received(String spec, int number) {
        return example(spec, number).withFrom(Option.some(SENDER));
    }

    /** The example answer, with the 'from' the receiver's machine leaves to its server (it answers to the offer's 'to'). */
    private static Element answer(String spec, int number) {
        Stanza example = example(spec, number);
        return ExampleStanzas.normalized(example.withFrom(Option.some(RECEIVER)));
    }

    private static Element normalized(Stanza stanza) {
        return ExampleStanzas.normalized(stanza);
    }
}
