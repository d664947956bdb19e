package dev.starling.conformance.corpus;

import dev.starling.codec.xml.StreamEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks one document's examples against its errata: unlisted XML examples must parse, an
 * erratum's original must not parse while its fix does, a template must not parse, and an example
 * malformed by design must be answered by Starling's decoder with the expected stream error.
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
                    if (problems.isEmpty()) {
                        failures.add(example.id() + " is listed as an erratum but parses");
                    }
                    List<String> fixed = Errata.problems(erratum.fix());
                    if (!fixed.isEmpty()) {
                        failures.add(example.id() + " erratum fix does not parse: " + fixed.get(0));
                    }
                }
                case TEMPLATE -> {
                    if (problems.isEmpty()) {
                        failures.add(example.id() + " is listed as a template but parses");
                    }
                }
                case MALFORMED_BY_DESIGN -> {
                    if (erratum.part() < 1 || erratum.part() > example.parts().size()) {
                        failures.add(example.id() + " has no part " + erratum.part());
                        continue;
                    }
                    String part = example.parts().get(erratum.part() - 1).text();
                    var events = StreamReplay.events(part, StreamReplay.CLIENT_HEADER, 7);
                    boolean answered = events.nonEmpty() && events.last() instanceof StreamEvent.StreamFailed failed
                            && failed.error().condition().wireName().equals(erratum.expect());
                    if (!answered) {
                        failures.add(example.id() + " should be answered with " + erratum.expect() + " but the decoder gave "
                                + events.lastOption().map(Object::toString).getOrElse("nothing"));
                    }
                }
            }
        }
        errata.keySet().forEach(n -> failures.add(document.spec() + " errata list example " + n + ", which does not exist"));
        return new Result(failures, parsed);
    }
}
