package dev.starling.codec.delay;

import dev.starling.codec.CodecContext;
import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.DateTimes;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.delay.Delay;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * XEP-0203 {@code <delay/>} with its XEP-0082 dateTime stamp (any offset accepted, written in
 * UTC with at most millisecond precision, {@link dev.starling.codec.DateTimes}), and the legacy XEP-0091 {@code <x xmlns='jabber:x:delay'/>} with its
 * {@code CCYYMMDDThh:mm:ss} UTC stamp. A missing or unreadable stamp is bad-request; an invalid
 * 'from' is jid-malformed.
 */
public final class DelayCodecs {

    private static final QName DELAY = QName.of(Delay.NAMESPACE, "delay");
    private static final QName LEGACY = QName.of(Delay.LEGACY_NAMESPACE, "x");
    private static final DateTimeFormatter LEGACY_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");

    private DelayCodecs() {
    }

    /** The registry with both forms added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry.withPayload(new FunctionalCodec<>(List.of(DELAY, LEGACY), Delay.class, DelayCodecs::decode, DelayCodecs::encode));
    }

    private static Either<CodecError, Delay> decode(Element element, CodecContext context) {
        boolean legacy = element.name().equals(LEGACY);
        Option<Instant> stamp = element.attribute("stamp").flatMap(text -> legacy
                ? Try.of(() -> LocalDateTime.parse(text.strip(), LEGACY_STAMP).toInstant(ZoneOffset.UTC)).toOption()
                : DateTimes.parse(text));
        if (stamp.isEmpty()) {
            return Either.left(CodecError.badRequest("a delay needs a 'stamp' in " + (legacy ? "XEP-0091" : "XEP-0082") + " format"));
        }
        Option<String> from = element.attribute("from");
        Option<Either<?, Jid>> parsed = from.map(Jid::parse);
        if (parsed.exists(Either::isLeft)) {
            return Either.left(CodecError.jidMalformed("delay 'from': " + parsed.get().getLeft()));
        }
        String text = element.text().strip();
        return Either.right(new Delay(parsed.map(Either::get), stamp.get(), text.isEmpty() ? Option.none() : Option.some(text), legacy));
    }

    private static Element encode(Delay delay, CodecContext context) {
        String stamp = delay.legacy() ? LEGACY_STAMP.format(delay.stamp().atOffset(ZoneOffset.UTC)) : DateTimes.format(delay.stamp());
        Element.Builder builder = Element.builder(delay.legacy() ? LEGACY : DELAY)
                .attribute("from", delay.from().map(Jid::toString)).attribute("stamp", stamp);
        delay.reason().forEach(builder::text);
        return builder.build();
    }
}
