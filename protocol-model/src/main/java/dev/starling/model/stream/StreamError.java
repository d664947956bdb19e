package dev.starling.model.stream;

import dev.starling.model.LocalizedText;
import dev.starling.model.element.Element;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * {@code <stream:error/>}, RFC 6120 §4.9: unrecoverable; the stream is closed after it.
 *
 * @param condition            the defined condition (§4.9.3)
 * @param conditionText        character data of the condition element (the new host of
 *                             {@code see-other-host}, §4.9.3.19)
 * @param text                 the optional descriptive {@code <text/>} (§4.9.2)
 * @param applicationCondition an application-specific condition element (§4.9.4)
 */
public record StreamError(StreamErrorCondition condition, Option<String> conditionText, Option<LocalizedText> text,
                          Option<Element> applicationCondition) implements StreamElement {

    public StreamError {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(conditionText, "conditionText");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(applicationCondition, "applicationCondition");
    }

    /** An error with only a condition. */
    public static StreamError of(StreamErrorCondition condition) {
        return new StreamError(condition, Option.none(), Option.none(), Option.none());
    }

    /** An error with a condition and a descriptive English text. */
    public static StreamError of(StreamErrorCondition condition, String description) {
        return new StreamError(condition, Option.none(), Option.some(LocalizedText.of(description, "en")), Option.none());
    }

    /** {@code see-other-host} naming the host to connect to instead (§4.9.3.19). */
    public static StreamError seeOtherHost(String host) {
        return new StreamError(StreamErrorCondition.SEE_OTHER_HOST, Option.some(host), Option.none(), Option.none());
    }

    /** The descriptive text, or the condition name when there is none. */
    public String describe() {
        return condition.wireName() + text.map(t -> ": " + t.text()).getOrElse("");
    }
}
