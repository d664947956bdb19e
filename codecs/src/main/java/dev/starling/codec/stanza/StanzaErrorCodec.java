package dev.starling.codec.stanza;

import dev.starling.codec.CodecError;
import dev.starling.codec.LocalizedTexts;
import dev.starling.model.LocalizedText;
import dev.starling.model.Namespaces;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.stanza.StanzaErrorType;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The stanza {@code <error/>} element, RFC 6120 §8.3.2: a {@code type}, one defined condition
 * in the {@code urn:ietf:params:xml:ns:xmpp-stanzas} namespace, an optional {@code <text/>}, an
 * optional application-specific condition, and the optional {@code by}. Lenient where the RFC
 * says to be: an unknown condition reads as {@code undefined-condition} (§8.3.2); a missing
 * condition or type (pre-RFC errors with only a {@code code}) reads as
 * {@code undefined-condition} with the condition's recommended type.
 */
public final class StanzaErrorCodec {

    private static final QName TEXT = QName.of(Namespaces.STANZA_ERRORS, "text");

    private StanzaErrorCodec() {
    }

    /** Decodes an {@code <error/>} element. */
    public static Either<CodecError, StanzaError> decode(Element error) {
        StanzaErrorCondition condition = null;
        Option<String> conditionText = Option.none();
        Option<LocalizedText> text = Option.none();
        Option<Element> application = Option.none();
        for (Element child : error.elements()) {
            if (Namespaces.STANZA_ERRORS.equals(child.namespace())) {
                if (child.name().equals(TEXT)) {
                    text = Option.some(LocalizedTexts.read(child));
                } else if (condition == null) {
                    condition = StanzaErrorCondition.fromWire(child.localName()).getOrElse(StanzaErrorCondition.UNDEFINED_CONDITION);
                    String characters = child.text().trim();
                    conditionText = characters.isEmpty() ? Option.none() : Option.some(characters);
                }
            } else if (application.isEmpty()) {
                application = Option.some(child);
            }
        }
        if (text.isEmpty() && error.elements().isEmpty() && !error.text().isBlank()) {
            text = Option.some(LocalizedText.of(error.text().trim())); // legacy <error code='404'>Not Found</error>
        }
        StanzaErrorCondition resolved = condition == null ? StanzaErrorCondition.UNDEFINED_CONDITION : condition;
        Option<String> typeText = error.attribute("type");
        Option<StanzaErrorType> type = typeText.flatMap(StanzaErrorType::fromWire);
        if (typeText.isDefined() && type.isEmpty()) {
            return Either.left(CodecError.badRequest("error type '" + typeText.get() + "' is not one of RFC 6120 §8.3.2"));
        }
        Option<String> byText = error.attribute("by");
        Option<Jid> by = Option.none();
        if (byText.isDefined()) {
            var parsed = Jid.parse(byText.get());
            if (parsed.isLeft()) {
                return Either.left(CodecError.jidMalformed("error 'by': " + parsed.getLeft().message()));
            }
            by = Option.some(parsed.get());
        }
        return Either.right(new StanzaError(type.getOrElse(resolved.defaultType()), resolved, conditionText, text, by,
                application, error.attribute("code")));
    }

    /** Encodes an {@code <error/>} element in the given content namespace. */
    public static Element encode(StanzaError error, String contentNamespace) {
        Element.Builder builder = Element.builder(QName.of(contentNamespace, "error"));
        error.by().forEach(by -> builder.attribute("by", by.toString()));
        error.legacyCode().forEach(code -> builder.attribute("code", code));
        builder.attribute("type", error.type().wireName());
        Element.Builder condition = Element.builder(QName.of(Namespaces.STANZA_ERRORS, error.condition().wireName()));
        error.conditionText().forEach(condition::text);
        builder.child(condition.build());
        error.text().forEach(text -> builder.child(LocalizedTexts.write(TEXT, text)));
        error.applicationCondition().forEach(builder::child);
        return builder.build();
    }
}
