package dev.starling.conformance.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Prints the check's results as a table and writes them as JSON. */
public final class Report {

    private Report() {
    }

    /** The results as an aligned text table, with a summary line. */
    public static String table(List<CheckResult> results) {
        StringBuilder sb = new StringBuilder(String.format("%-9s %-8s %-54s %-11s %s%n", "SPEC", "SECTION", "CHECK", "RESULT", "DETAIL"));
        for (CheckResult r : results) {
            String detail = r.detail().length() > 90 ? r.detail().substring(0, 87) + "..." : r.detail();
            sb.append(String.format("%-9s %-8s %-54s %-11s %s%n", r.spec(), r.section(), r.title(),
                    r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), detail));
        }
        long passed = results.stream().filter(r -> r.outcome() == Outcome.PASS).count();
        long failed = results.stream().filter(r -> r.outcome() == Outcome.FAIL).count();
        sb.append(String.format("%d passed, %d failed, %d not offered%n", passed, failed, results.size() - passed - failed));
        return sb.toString();
    }

    /** Writes the results as a JSON array. */
    public static void writeJson(List<CheckResult> results, Path file) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), results);
    }
}
