package dev.starling.conformance.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The errata of one document, stored beside the corpus as {@code spec-examples/errata/<file>}
 * (e.g. {@code errata/xep-0043.json}), a JSON array of {@link Erratum}.
 */
final class Errata {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Errata() {
    }

    /** The errata of a document, keyed by example number (empty if it has none). */
    static Map<Integer, Erratum> of(SpecDocument document) {
        Map<Integer, Erratum> byExample = new HashMap<>();
        String path = SpecCorpus.RESOURCE_DIR + "errata/" + document.fileName();
        try (InputStream in = Errata.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return byExample;
            }
            for (Erratum erratum : JSON.readValue(in, Erratum[].class)) {
                if (!erratum.spec().equals(document.spec())) {
                    throw new IllegalStateException(path + " lists an erratum of " + erratum.spec());
                }
                if (byExample.put(erratum.example(), erratum) != null) {
                    throw new IllegalStateException(path + " lists example " + erratum.example() + " twice");
                }
            }
            return byExample;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Every part of the text, in stream form, that is not well-formed. */
    static List<String> problems(String exampleText) {
        return SpeakerTurns.split(exampleText).stream()
                .map(part -> WellFormedness.problem(part.text()))
                .filter(io.vavr.control.Option::isDefined)
                .map(io.vavr.control.Option::get)
                .toList();
    }
}
