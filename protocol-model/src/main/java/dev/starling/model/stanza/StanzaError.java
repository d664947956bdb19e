package dev.starling.model.stanza;

import dev.starling.model.Extension;
import dev.starling.model.LocalizedText;
import dev.starling.model.element.Element;
import dev.starling.model.jid.Jid;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The {@code <error/>} child of a stanza of type "error", RFC 6120 §8.3.2.
 *
 * @param type                 the error type
 * @param condition            the defined condition
 * @param conditionText        character data of the condition element (a URI for gone/redirect)
 * @param text                 the optional descriptive {@code <text/>}
 * @param by                   the entity that generated the error ({@code by} attribute)
 * @param applicationCondition an application-specific condition element
 * @param legacyCode           the pre-RFC {@code code} attribute (XEP-0086), kept when present
 */
public record StanzaError(StanzaErrorType type, StanzaErrorCondition condition, Option<String> conditionText,
                          Option<LocalizedText> text, Option<Jid> by, Option<Element> applicationCondition,
                          Option<String> legacyCode) implements Extension {

    public StanzaError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(conditionText, "conditionText");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(applicationCondition, "applicationCondition");
        Objects.requireNonNull(legacyCode, "legacyCode");
    }

    /** An error with the condition's recommended type and nothing else. */
    public static StanzaError of(StanzaErrorCondition condition) {
        return of(condition.defaultType(), condition);
    }

    /** An error with an explicit type. */
    public static StanzaError of(StanzaErrorType type, StanzaErrorCondition condition) {
        return new StanzaError(type, condition, Option.none(), Option.none(), Option.none(), Option.none(), Option.none());
    }

    /** A copy with a descriptive text. */
    public StanzaError withText(String description) {
        return new StanzaError(type, condition, conditionText, Option.some(LocalizedText.of(description)), by,
                applicationCondition, legacyCode);
    }

    /** A copy naming the entity that generated the error. */
    public StanzaError withBy(Jid generator) {
        return new StanzaError(type, condition, conditionText, text, Option.some(generator), applicationCondition,
                legacyCode);
    }

    /** A copy with an application-specific condition element. */
    public StanzaError withApplicationCondition(Element element) {
        return new StanzaError(type, condition, conditionText, text, by, Option.some(element), legacyCode);
    }
}
