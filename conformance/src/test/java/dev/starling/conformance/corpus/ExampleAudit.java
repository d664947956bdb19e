package dev.starling.conformance.corpus;

import dev.starling.codec.CodecRegistry;
import dev.starling.codec.xml.StreamEvent;
import dev.starling.model.Namespaces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks one document's examples against its errata: unlisted XML examples must parse, an
 * erratum's fix must differ from the original and parse, and an example that is invalid by design
 * must be answered by Starling with the expected error: a stream error from the decoder or a
 * stanza error from the codecs. Templates are only recorded.
 */
final class ExampleAudit {

    /**
     * The outcome for one document.
     *
     * @param failures what is wrong, one line each (empty when the document passes)
     * @param parsed   how many unlisted XML examples parsed
     */
    record Result(List<String> failures, int parsed) {
    }

    private static final CodecRegistry REGISTRY = CodecRegistry.core();

    private ExampleAudit() {
    }

    static Result audit(SpecDocument document, Map<Integer, Erratum> listed) {
        Map<Integer, Erratum> errata = new HashMap<>(listed);
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        for (SpecExample example : document.examples()) {
            Erratum erratum = errata.remove(example.number());
            List<String> problems = Errata.problems(example.text());
            if (erratum == null) {
                if (example.isXml()) {
                    if (problems.isEmpty()) {
                        parsed++;
                    } else {
                        failures.add(example.id() + " does not parse and is not in the errata: " + problems.get(0));
                    }
                }
                continue;
            }
            switch (erratum.kind()) {
                case ERRATUM -> {
                    if (erratum.fix().strip().equals(example.text().strip())) {
                        failures.add(example.id() + " erratum fix is the same as the original");
                    }
                    boolean contentError = Boolean.TRUE.equals(erratum.wellFormed());
                    if (problems.isEmpty() != contentError) {
                        failures.add(example.id() + (contentError ? " is marked well-formed but does not parse"
                                : " is listed as an erratum but parses (stale entry?)"));
                    }
                    List<String> fixed = Errata.problems(erratum.fix());
                    if (!fixed.isEmpty()) {
                        failures.add(example.id() + " erratum fix does not parse: " + fixed.get(0));
                    }
                }
                case TEMPLATE -> {
                    // recorded only: a template may or may not happen to be well-formed
                }
                case INVALID_BY_DESIGN -> {
                    if (erratum.part() < 1 || erratum.part() > example.parts().size()) {
                        failures.add(example.id() + " has no part " + erratum.part());
                        continue;
                    }
                    String answer = answer(example.parts().get(erratum.part() - 1).text());
                    if (!answer.equals(erratum.expect())) {
                        failures.add(example.id() + " should be answered with " + erratum.expect() + " but Starling answers " + answer);
                    }
                }
            }
        }
        errata.keySet().forEach(n -> failures.add(document.spec() + " errata list example " + n + ", which does not exist"));
        return new Result(failures, parsed);
    }

    /**
     * The condition Starling answers a bad input with: the decoder's stream error, else the first
     * stanza error a codec reports for one of the top-level elements, else "accepted".
     */
    private static String answer(String part) {
        var events = StreamReplay.events(part, StreamReplay.CLIENT_HEADER, 7);
        for (StreamEvent event : events) {
            if (event instanceof StreamEvent.StreamFailed failed) {
                return failed.error().condition().wireName();
            }
            if (event instanceof StreamEvent.TopLevelElement top) {
                var decoded = REGISTRY.decodeTopLevel(top.element(), Namespaces.CLIENT);
                if (decoded.isLeft()) {
                    return decoded.getLeft().condition().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                }
            }
        }
        return "accepted";
    }
}
