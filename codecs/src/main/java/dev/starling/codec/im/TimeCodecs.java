package dev.starling.codec.im;

import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.DateTimes;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.im.EntityTime;
import dev.starling.model.im.LastActivity;
import dev.starling.model.im.LegacyTime;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;

import java.time.Instant;

/**
 * Entity time (XEP-0202, the UTC time in XEP-0082 format), the legacy XEP-0090 time (text kept
 * as written) and last activity (XEP-0012, 'seconds' a non-negative integer). An unreadable time
 * or number is bad-request.
 */
public final class TimeCodecs {

    private static final QName TIME = QName.of(EntityTime.NAMESPACE, "time");
    private static final QName LEGACY = QName.of(LegacyTime.NAMESPACE, "query");
    private static final QName LAST = QName.of(LastActivity.NAMESPACE, "query");

    private TimeCodecs() {
    }

    /** The registry with the three payloads added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry
                .withPayload(new FunctionalCodec<>(List.of(TIME), EntityTime.class, (element, context) -> {
                    Option<String> utc = child(element, EntityTime.NAMESPACE, "utc");
                    Option<Instant> parsed = utc.flatMap(DateTimes::parse);
                    return utc.isDefined() && parsed.isEmpty()
                            ? Either.left(CodecError.badRequest("the time is not a XEP-0082 dateTime"))
                            : Either.right(new EntityTime(child(element, EntityTime.NAMESPACE, "tzo"), parsed));
                }, (time, context) -> {
                    Element.Builder builder = Element.builder(TIME);
                    time.tzo().forEach(tzo -> builder.child(Element.builder(EntityTime.NAMESPACE, "tzo").text(tzo).build()));
                    time.utc().forEach(utc -> builder.child(Element.builder(EntityTime.NAMESPACE, "utc").text(DateTimes.format(utc)).build()));
                    return builder.build();
                }))
                .withPayload(new FunctionalCodec<>(List.of(LEGACY), LegacyTime.class,
                        (element, context) -> Either.right(new LegacyTime(child(element, LegacyTime.NAMESPACE, "utc"),
                                child(element, LegacyTime.NAMESPACE, "tz"), child(element, LegacyTime.NAMESPACE, "display"))),
                        (time, context) -> {
                            Element.Builder builder = Element.builder(LEGACY);
                            time.utc().forEach(v -> builder.child(Element.builder(LegacyTime.NAMESPACE, "utc").text(v).build()));
                            time.tz().forEach(v -> builder.child(Element.builder(LegacyTime.NAMESPACE, "tz").text(v).build()));
                            time.display().forEach(v -> builder.child(Element.builder(LegacyTime.NAMESPACE, "display").text(v).build()));
                            return builder.build();
                        }))
                .withPayload(new FunctionalCodec<>(List.of(LAST), LastActivity.class, (element, context) -> {
                    Option<String> seconds = element.attribute("seconds");
                    Option<Long> parsed = seconds.flatMap(text -> Try.of(() -> Long.parseLong(text)).filter(n -> n >= 0).toOption());
                    String status = element.text().strip();
                    return seconds.isDefined() && parsed.isEmpty()
                            ? Either.left(CodecError.badRequest("'seconds' is a non-negative integer (XEP-0012 §3)"))
                            : Either.right(new LastActivity(parsed, status.isEmpty() ? Option.none() : Option.some(status)));
                }, (last, context) -> {
                    Element.Builder builder = Element.builder(LAST).attribute("seconds", last.seconds().map(String::valueOf));
                    last.status().forEach(builder::text);
                    return builder.build();
                }));
    }

    private static Option<String> child(Element element, String namespace, String name) {
        return element.element(namespace, name).map(Element::text);
    }
}
