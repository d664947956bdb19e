package dev.starling.codec.si;

import dev.starling.codec.CodecContext;
import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.form.DataForm;
import dev.starling.model.si.FileTransfer;
import dev.starling.model.si.Range;
import dev.starling.model.si.StreamInitiation;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * XEP-0095's {@code <si/>} with XEP-0096's {@code <file/>} and XEP-0020's {@code <feature/>}.
 * A 'size', 'offset' or 'length' that is not a non-negative integer, and a feature without a
 * data form, are bad-request. Profiles other than file transfer keep their 'profile' and lose
 * their own element (a receiver answers them with bad-profile anyway).
 */
public final class SiCodecs {

    private static final QName SI = QName.of(StreamInitiation.NAMESPACE, "si");
    private static final QName FILE = QName.of(FileTransfer.NAMESPACE, "file");
    private static final QName DESC = QName.of(FileTransfer.NAMESPACE, "desc");
    private static final QName RANGE = QName.of(FileTransfer.NAMESPACE, "range");
    private static final QName FEATURE = QName.of(StreamInitiation.FEATURE_NEG, "feature");
    private static final QName X = QName.of(DataForm.NAMESPACE, "x");

    private SiCodecs() {
    }

    /** The registry with {@code <si/>} added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry.withPayload(new FunctionalCodec<>(List.of(SI), StreamInitiation.class, SiCodecs::decode, SiCodecs::encode));
    }

    private static Either<CodecError, StreamInitiation> decode(Element si, CodecContext context) {
        Option<FileTransfer> file = Option.none();
        Option<Element> fileElement = si.elements().find(e -> e.name().equals(FILE));
        if (fileElement.isDefined()) {
            Either<CodecError, FileTransfer> decoded = file(fileElement.get());
            if (decoded.isLeft()) {
                return Either.left(decoded.getLeft());
            }
            file = Option.some(decoded.get());
        }
        Option<DataForm> form = Option.none();
        Option<Element> feature = si.elements().find(e -> e.name().equals(FEATURE));
        if (feature.isDefined()) {
            Option<Element> x = feature.get().elements().find(e -> e.name().equals(X));
            if (x.isEmpty()) {
                return Either.left(CodecError.badRequest("a XEP-0020 <feature/> holds a data form"));
            }
            Either<CodecError, DataForm> decoded = context.registry().decodePayload(x.get(), context.contentNamespace()).map(DataForm.class::cast);
            if (decoded.isLeft()) {
                return Either.left(decoded.getLeft());
            }
            form = Option.some(decoded.get());
        }
        return Either.right(new StreamInitiation(si.attribute("id"), si.attribute("mime-type"), si.attribute("profile"), file, form));
    }

    private static Either<CodecError, FileTransfer> file(Element file) {
        Option<String> size = file.attribute("size");
        if (size.exists(s -> number(s).isEmpty())) {
            return Either.left(CodecError.badRequest("a file's 'size' is a number of bytes (XEP-0096 §4)"));
        }
        Option<Range> range = Option.none();
        Option<Element> rangeElement = file.elements().find(e -> e.name().equals(RANGE));
        if (rangeElement.isDefined()) {
            Option<String> offset = rangeElement.get().attribute("offset");
            Option<String> length = rangeElement.get().attribute("length");
            if (offset.exists(o -> number(o).isEmpty()) || length.exists(l -> number(l).isEmpty())) {
                return Either.left(CodecError.badRequest("a range's 'offset' and 'length' are numbers of bytes (XEP-0096 §4)"));
            }
            range = Option.some(new Range(offset.flatMap(SiCodecs::number), length.flatMap(SiCodecs::number)));
        }
        return Either.right(new FileTransfer(file.attribute("name"), size.flatMap(SiCodecs::number), file.attribute("hash"),
                file.attribute("date"), file.elements().find(e -> e.name().equals(DESC)).map(Element::text), range));
    }

    private static Option<Long> number(String value) {
        return Option.of(value).filter(v -> v.matches("[0-9]{1,18}")).map(Long::parseLong);
    }

    private static Element encode(StreamInitiation si, CodecContext context) {
        Element.Builder builder = Element.builder(SI);
        si.id().forEach(id -> builder.attribute("id", id));
        si.mimeType().forEach(type -> builder.attribute("mime-type", type));
        si.profile().forEach(profile -> builder.attribute("profile", profile));
        si.file().forEach(file -> {
            Element.Builder f = Element.builder(FILE);
            file.name().forEach(n -> f.attribute("name", n));
            file.size().forEach(s -> f.attribute("size", Long.toString(s)));
            file.hash().forEach(h -> f.attribute("hash", h));
            file.date().forEach(d -> f.attribute("date", d));
            file.desc().forEach(d -> f.child(Element.builder(DESC).text(d).build()));
            file.range().forEach(r -> {
                Element.Builder range = Element.builder(RANGE);
                r.offset().forEach(o -> range.attribute("offset", Long.toString(o)));
                r.length().forEach(l -> range.attribute("length", Long.toString(l)));
                f.child(range.build());
            });
            builder.child(f.build());
        });
        si.feature().forEach(form -> builder.child(Element.builder(FEATURE)
                .child(context.registry().encode(form, context.contentNamespace())).build()));
        return builder.build();
    }
}
