package dev.starling.conformance.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits example text into speaker turns marked by {@code C:}-style prefixes, digits allowed
 * after the first letter ({@code S1:}, {@code S2:} in RFC 6120 §9.2). Consecutive lines of the
 * same speaker form one turn, whether the prefix is repeated on each line (as some XEPs write
 * it) or only on the first.
 */
final class SpeakerTurns {

    private static final Pattern PREFIX = Pattern.compile("^([A-Z][A-Z0-9]{0,2}):(?: (.*))?$");

    private SpeakerTurns() {
    }

    static List<ExamplePart> split(String text) {
        List<ExamplePart> parts = new ArrayList<>();
        String speaker = null;
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Matcher m = PREFIX.matcher(line);
            if (m.matches() && m.group(1).equals(speaker)) {
                current.append('\n').append(m.group(2) == null ? "" : m.group(2));
            } else if (m.matches()) {
                if (speaker != null || current.length() > 0) {
                    add(parts, speaker, current);
                }
                speaker = m.group(1);
                current = new StringBuilder(m.group(2) == null ? "" : m.group(2));
            } else {
                if (current.length() > 0 || speaker != null) {
                    current.append('\n');
                }
                current.append(line);
            }
        }
        add(parts, speaker, current);
        return parts;
    }

    private static void add(List<ExamplePart> parts, String speaker, StringBuilder text) {
        String trimmed = text.toString().strip();
        if (!trimmed.isEmpty()) {
            parts.add(new ExamplePart(speaker == null ? "" : speaker, trimmed));
        }
    }

    /** The text without blank lines at its start and end, each line's trailing spaces kept. */
    static String trimBlankLines(String text) {
        String[] lines = text.split("\n", -1);
        int first = 0;
        int last = lines.length - 1;
        while (first <= last && lines[first].isBlank()) {
            first++;
        }
        while (last >= first && lines[last].isBlank()) {
            last--;
        }
        return String.join("\n", java.util.Arrays.copyOfRange(lines, first, last + 1));
    }
}
