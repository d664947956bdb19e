package dev.starling.codec.stream;

import dev.starling.model.Namespaces;
import dev.starling.model.element.Attribute;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import dev.starling.model.jid.JidError;
import dev.starling.model.stream.StreamError;
import dev.starling.model.stream.StreamErrorCondition;
import dev.starling.model.stream.StreamHeader;
import dev.starling.model.stream.StreamVersion;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Maps the attributes of a stream header (RFC 6120 §4.7) to a {@link StreamHeader} and back.
 * A {@code to} or {@code from} that is not a JID yields {@code improper-addressing}
 * (§4.9.3.7), a {@code version} that is not "major.minor" yields {@code unsupported-version}
 * (§4.7.5). Whether a well-formed header is acceptable is the negotiation machine's decision.
 */
public final class StreamHeaderCodec {

    /** {@code xml:lang}. */
    public static final QName XML_LANG = QName.of(Namespaces.XML, "lang");

    private StreamHeaderCodec() {
    }

    /**
     * Decodes a header from the root start tag (its attributes; children are ignored) and the
     * default namespace it declared.
     */
    public static Either<StreamError, StreamHeader> decode(Element root, String contentNamespace) {
        Either<StreamError, Option<Jid>> from = jid(root, "from");
        if (from.isLeft()) {
            return Either.left(from.getLeft());
        }
        Either<StreamError, Option<Jid>> to = jid(root, "to");
        if (to.isLeft()) {
            return Either.left(to.getLeft());
        }
        Option<String> versionText = root.attribute("version");
        Option<StreamVersion> version = versionText.flatMap(StreamVersion::parse);
        if (versionText.isDefined() && version.isEmpty()) {
            return Either.left(StreamError.of(StreamErrorCondition.UNSUPPORTED_VERSION,
                    "version '" + versionText.get() + "' is not of the form major.minor (RFC 6120 §4.7.5)"));
        }
        return Either.right(new StreamHeader(from.get(), to.get(), root.attribute("id"), version,
                root.attribute(XML_LANG), contentNamespace));
    }

    /** The header's attributes in the order RFC 6120 examples use (namespaces are declared apart). */
    public static Seq<Attribute> attributes(StreamHeader header) {
        Array<Attribute> attributes = Array.empty();
        if (header.from().isDefined()) {
            attributes = attributes.append(new Attribute(QName.local("from"), header.from().get().toString()));
        }
        if (header.id().isDefined()) {
            attributes = attributes.append(new Attribute(QName.local("id"), header.id().get()));
        }
        if (header.to().isDefined()) {
            attributes = attributes.append(new Attribute(QName.local("to"), header.to().get().toString()));
        }
        if (header.version().isDefined()) {
            attributes = attributes.append(new Attribute(QName.local("version"), header.version().get().toString()));
        }
        if (header.lang().isDefined()) {
            attributes = attributes.append(new Attribute(XML_LANG, header.lang().get()));
        }
        return attributes;
    }

    private static Either<StreamError, Option<Jid>> jid(Element root, String attribute) {
        Option<String> value = root.attribute(attribute);
        if (value.isEmpty()) {
            return Either.right(Option.none());
        }
        Either<JidError, Jid> parsed = Jid.parse(value.get());
        return parsed.isRight()
                ? Either.right(Option.some(parsed.get()))
                : Either.left(StreamError.of(StreamErrorCondition.IMPROPER_ADDRESSING,
                        "stream header '" + attribute + "': " + parsed.getLeft().message()));
    }
}
