package dev.starling.codec.jingle;

import dev.starling.codec.CodecError;
import dev.starling.codec.DateTimes;
import dev.starling.model.element.Element;
import dev.starling.model.jingle.Checksum;
import dev.starling.model.jingle.FileDescription;
import dev.starling.model.jingle.Hash;
import dev.starling.model.jingle.JingleFile;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;


/**
 * XEP-0234's {@code <file/>} (§5) with its XEP-0300 hashes. A size, range offset or range length
 * that is not a non-negative integer, or a date that is not XEP-0082, is bad-request.
 */
final class JingleFileCodec {

    private static final String NS = FileDescription.NAMESPACE;

    private JingleFileCodec() {
    }

    static Either<CodecError, JingleFile> decode(Element file) {
        Option<String> dateText = text(file, "date");
        Option<java.time.Instant> date = dateText.flatMap(DateTimes::parse);
        if (dateText.isDefined() && date.isEmpty()) {
            return Either.left(CodecError.badRequest("<date/> is not a XEP-0082 date-time (XEP-0234 §5)"));
        }
        Option<String> sizeText = text(file, "size");
        Option<Long> size = sizeText.flatMap(JingleFileCodec::natural);
        if (sizeText.isDefined() && size.isEmpty()) {
            return Either.left(CodecError.badRequest("<size/> is a non-negative integer (XEP-0234 §5)"));
        }
        Option<Element> range = file.element(NS, "range");
        Option<Long> offset = range.flatMap(r -> r.attribute("offset")).flatMap(JingleFileCodec::natural);
        Option<Long> length = range.flatMap(r -> r.attribute("length")).flatMap(JingleFileCodec::natural);
        if (range.exists(r -> r.attribute("offset").isDefined() && offset.isEmpty() || r.attribute("length").isDefined() && length.isEmpty())) {
            return Either.left(CodecError.badRequest("<range/> 'offset' and 'length' are non-negative integers (XEP-0234 §7)"));
        }
        return Either.right(new JingleFile(date, text(file, "desc"), text(file, "media-type"), text(file, "name"), size,
                range.map(r -> new JingleFile.FileRange(offset.getOrElse(0L), length)),
                file.elements().filter(e -> e.is(Hash.NAMESPACE, "hash"))
                        .map(h -> new Hash(h.attribute("algo").getOrElse(""), h.text().strip())),
                file.element(Hash.NAMESPACE, "hash-used").flatMap(h -> h.attribute("algo"))));
    }

    /** XEP-0234 §8.1's {@code <checksum/>}: 'creator', 'name' and a {@code <file/>} with the hashes. */
    static Either<CodecError, Checksum> checksum(Element checksum) {
        Option<Element> file = checksum.element(NS, "file");
        if (file.isEmpty()) {
            return Either.left(CodecError.badRequest("<checksum/> carries a <file/> with the hashes (XEP-0234 §8.1)"));
        }
        return decode(file.get()).map(decoded -> new Checksum(checksum.attribute("creator").getOrElse("initiator"),
                checksum.attribute("name").getOrElse(""), decoded));
    }

    static Element encode(Checksum checksum) {
        return Element.of(NS, "checksum").withAttribute("creator", checksum.creator()).withAttribute("name", checksum.name())
                .withChild(encode(checksum.file()));
    }

    static Element encode(JingleFile file) {
        Element element = Element.of(NS, "file");
        element = child(element, "date", file.date().map(DateTimes::format));
        element = child(element, "desc", file.desc());
        element = child(element, "media-type", file.mediaType());
        element = child(element, "name", file.name());
        if (file.range().isDefined()) {
            JingleFile.FileRange range = file.range().get();
            element = element.withChild(Element.of(NS, "range")
                    .withAttribute("offset", range.offset() == 0 ? Option.none() : Option.some(Long.toString(range.offset())))
                    .withAttribute("length", range.length().map(String::valueOf)));
        }
        element = child(element, "size", file.size().map(String::valueOf));
        for (Hash hash : file.hashes()) {
            element = element.withChild(Element.of(Hash.NAMESPACE, "hash").withAttribute("algo", hash.algo()).withText(hash.base64()));
        }
        return file.hashUsed().map(algo -> Element.of(Hash.NAMESPACE, "hash-used").withAttribute("algo", algo)).map(element::withChild)
                .getOrElse(element);
    }

    private static Element child(Element parent, String name, Option<String> value) {
        return value.map(v -> parent.withChild(Element.of(NS, name).withText(v))).getOrElse(parent);
    }

    private static Option<String> text(Element parent, String name) {
        return parent.element(NS, name).map(e -> e.text().strip());
    }

    private static Option<Long> natural(String text) {
        return Try.of(() -> Long.parseLong(text.strip())).toOption().filter(v -> v >= 0);
    }
}
