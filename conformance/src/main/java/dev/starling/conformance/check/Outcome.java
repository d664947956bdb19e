package dev.starling.conformance.check;

/** The result of one check. */
public enum Outcome {
    /** The target behaved as the spec says. */
    PASS,
    /** The target did not. */
    FAIL,
    /** The target does not offer the feature (not a failure: the spec makes it optional). */
    NOT_OFFERED
}
