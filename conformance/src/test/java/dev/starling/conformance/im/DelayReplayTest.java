package dev.starling.conformance.im;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.conformance.corpus.SpecCorpus;
import dev.starling.conformance.corpus.StreamReplay;
import dev.starling.model.Namespaces;
import dev.starling.model.delay.Delay;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Stanza;
import io.vavr.control.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example of XEP-0203 and of the legacy XEP-0091 it replaces: the stanza decodes with its
 * delay typed (the same instant from both forms), and the delay encodes back to what decodes to
 * the same record, in the form it came in.
 */
class DelayReplayTest {

    private static final CodecRegistry REGISTRY = CodecRegistry.core();

    @ParameterizedTest(name = "{0} Example {1}")
    @CsvSource({"xep-0203, 1, 2002-09-10T23:08:25Z, capulet.com, Offline Storage",
            "xep-0203, 2, 2002-09-10T23:41:07Z, juliet@capulet.com/balcony, ",
            "xep-0203, 3, 2002-09-10T23:05:37Z, coven@macbeth.shakespeare.lit, ",
            "xep-0091, 1, 2002-09-10T23:08:25Z, capulet.com, Offline Storage",
            "xep-0091, 2, 2002-09-10T23:41:07Z, juliet@capulet.com/balcony, ",
            "xep-0091, 3, 2002-09-10T23:05:37Z, coven@macbeth.shakespeare.lit, "})
    void everyExampleDecodesAndRoundTrips(String spec, int example, String stamp, String from, String reason) {
        String text = SpecCorpus.read(spec + ".json").examples().stream().filter(e -> e.number() == example).findFirst().get().text();
        Stanza stanza = StreamReplay.events(text, StreamReplay.CLIENT_HEADER, Integer.MAX_VALUE)
                .filter(StreamEvent.TopLevelElement.class::isInstance)
                .map(event -> REGISTRY.typePayloads((Stanza) REGISTRY.decodeTopLevel(((StreamEvent.TopLevelElement) event).element(),
                        Namespaces.CLIENT).get(), Namespaces.CLIENT).get())
                .head();

        Delay delay = stanza.firstChild(Delay.class).get();
        assertThat(delay).isEqualTo(new Delay(Option.some(Jid.of(from)), Instant.parse(stamp), Option.of(reason), spec.equals("xep-0091")));
        var reencoded = REGISTRY.typePayloads((Stanza) REGISTRY.decodeTopLevel(REGISTRY.encode(stanza, Namespaces.CLIENT),
                Namespaces.CLIENT).get(), Namespaces.CLIENT).get();
        assertThat(reencoded).isEqualTo(stanza);
    }
}
