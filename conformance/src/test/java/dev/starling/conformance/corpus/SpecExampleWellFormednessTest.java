package dev.starling.conformance.corpus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example of the corpus that is written as XML parses, as it would appear on a stream,
 * unless the errata list it (see {@link ExampleAudit} for what a listing must satisfy). Prints
 * how many examples each spec contributed.
 */
class SpecExampleWellFormednessTest {

    private static final Map<String, int[]> COUNTS = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> everyXmlExampleParsesOrIsInTheErrata() {
        return SpecCorpus.load().stream().map(document -> DynamicTest.dynamicTest(document.spec(), () -> {
            Map<Integer, Erratum> errata = Errata.of(document);
            ExampleAudit.Result result = ExampleAudit.audit(document, errata);
            COUNTS.put(document.spec(), new int[]{document.examples().size(), result.parsed(), errata.size()});
            assertThat(result.failures()).as(document.spec()).isEmpty();
        }));
    }

    @AfterAll
    static void printCounts() {
        Map<String, int[]> sorted = new TreeMap<>(COUNTS);
        int examples = 0;
        int parsed = 0;
        int listed = 0;
        StringBuilder report = new StringBuilder("\nSpec examples replayed (examples / parsed as XML / in errata):\n");
        int column = 0;
        for (Map.Entry<String, int[]> e : sorted.entrySet()) {
            int[] c = e.getValue();
            examples += c[0];
            parsed += c[1];
            listed += c[2];
            report.append(String.format("  %-9s %4d %4d %3d", e.getKey(), c[0], c[1], c[2]));
            if (++column % 4 == 0) {
                report.append('\n');
            }
        }
        report.append(String.format("%nTotal: %d examples in %d documents, %d parsed as XML, %d in the errata%n",
                examples, sorted.size(), parsed, listed));
        System.out.println(report);
    }
}
