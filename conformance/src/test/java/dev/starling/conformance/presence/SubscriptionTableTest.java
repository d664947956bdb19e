package dev.starling.conformance.presence;

import dev.starling.conformance.corpus.SpecCorpus;
import dev.starling.conformance.corpus.SpecExample;
import dev.starling.machine.presence.Requirement;
import dev.starling.machine.presence.SubscriptionState;
import dev.starling.machine.presence.SubscriptionTable;
import dev.starling.machine.presence.SubscriptionType;
import dev.starling.machine.presence.TableCell;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SubscriptionTable} against RFC 6121 Appendix A cell by cell: Tables 2 to 9 are read from
 * the RFC's own text (the spec-example corpus) and every row must match the code's row for the
 * same direction, type and state: the routing or delivery requirement, the new state, and
 * whether the row has a footnote.
 */
class SubscriptionTableTest {

    private static final Pattern CAPTION = Pattern.compile("Table \\d: Processing of (outbound|inbound) \"(\\w+)\" stanzas");
    private static final Pattern ROW = Pattern.compile("\\|\\s*\"([^\"]+)\"\\s*\\|\\s*([A-Z.]+)\\s*(\\[\\d])?\\s*\\|\\s*(.+?)\\s*(\\[\\d])?\\s*\\|");

    @TestFactory
    Stream<DynamicTest> everyCellOfAppendixA() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SpecExample example : SpecCorpus.read("rfc6121.json").examples()) {
            Matcher caption = CAPTION.matcher(example.caption());
            if (!caption.find()) {
                continue;
            }
            boolean outbound = caption.group(1).equals("outbound");
            SubscriptionType type = SubscriptionType.valueOf(caption.group(2).toUpperCase(java.util.Locale.ROOT));
            Matcher row = ROW.matcher(example.text());
            int rows = 0;
            while (row.find()) {
                rows++;
                SubscriptionState state = SubscriptionState.ofLabel(row.group(1));
                String forward = row.group(2);
                String next = row.group(4);
                boolean footnote = row.group(3) != null || row.group(5) != null;
                tests.add(DynamicTest.dynamicTest(caption.group(1) + " " + type.wireName() + " in " + state.label(), () -> {
                    TableCell cell = outbound ? SubscriptionTable.outbound(type, state) : SubscriptionTable.inbound(type, state);
                    assertThat(cell.forward()).isEqualTo(requirement(forward));
                    if (next.equals("no state change") || next.equals("pre-approval")) {
                        assertThat(cell.next()).isEmpty();
                    } else {
                        assertThat(cell.next()).contains(SubscriptionState.ofLabel(next.replace("\"", "")));
                    }
                    assertThat(cell.note() != TableCell.Note.NONE).as("footnote").isEqualTo(footnote);
                    assertThat(cell.note() == TableCell.Note.PRE_APPROVAL).isEqualTo(next.equals("pre-approval"));
                }));
            }
            assertThat(rows).as(example.caption()).isEqualTo(SubscriptionState.values().length);
        }
        assertThat(tests).as("Tables 2 to 9, nine rows each").hasSize(72);
        return tests.stream();
    }

    private static Requirement requirement(String text) {
        return switch (text) {
            case "MUST" -> Requirement.MUST;
            case "S.N." -> Requirement.SHOULD_NOT;
            case "M.N." -> Requirement.MUST_NOT;
            default -> throw new IllegalArgumentException(text);
        };
    }
}
