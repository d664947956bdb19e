package dev.starling.conformance.check;

import java.util.Objects;

/**
 * One line of the conformance report.
 *
 * @param spec    "RFC 6120", "XEP-0199", ...
 * @param section the section checked
 * @param title   what was checked
 * @param outcome the result
 * @param detail  what was observed
 */
public record CheckResult(String spec, String section, String title, Outcome outcome, String detail) {

    public CheckResult {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }
}
