package dev.starling.model.jingle;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * A {@code <reason/>} (XEP-0166 §7.4): a condition such as {@code success}, {@code decline} or
 * {@code failed-transport}, and an optional text.
 *
 * @param condition      the condition's element name
 * @param text           human-readable text
 * @param alternativeSid the other session's id, for {@code alternative-session} (XEP-0166 Example 22)
 * @param application    an application-specific condition beside the Jingle one (XEP-0234 §10)
 */
public record JingleReason(String condition, Option<String> text, Option<String> alternativeSid,
                           Option<dev.starling.model.element.Element> application) {
    public JingleReason {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(alternativeSid, "alternativeSid");
        Objects.requireNonNull(application, "application");
    }

    /** A reason without text. */
    public static JingleReason of(String condition) {
        return new JingleReason(condition, Option.none(), Option.none(), Option.none());
    }

    /** A reason with text. */
    public static JingleReason of(String condition, String text) {
        return new JingleReason(condition, Option.some(text), Option.none(), Option.none());
    }
}
