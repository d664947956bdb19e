package dev.starling.codec.jingle;

import dev.starling.codec.CodecContext;
import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import dev.starling.model.jingle.Checksum;
import dev.starling.model.jingle.FileDescription;
import dev.starling.model.jingle.Jingle;
import dev.starling.model.jingle.JingleAction;
import dev.starling.model.jingle.JingleContent;
import dev.starling.model.jingle.JingleDescription;
import dev.starling.model.jingle.JingleReason;
import dev.starling.model.jingle.JingleTransport;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * XEP-0166's {@code <jingle/>}: an unknown or missing 'action', a missing 'sid', an
 * 'initiator' or 'responder' that is not a JID, a content without 'creator' or 'name', and a
 * malformed file or transport are bad-request (§7, §10). Applications and transports other than
 * file transfer, IBB and SOCKS5 are kept as their elements; so is a session-info payload, which is
 * also read as a XEP-0234 checksum (§8.1) when it is one (a checksum without its {@code <file/>} is
 * bad-request).
 */
public final class JingleCodecs {

    private static final QName JINGLE = QName.of(Jingle.NAMESPACE, "jingle");
    private static final String NS = Jingle.NAMESPACE;

    private JingleCodecs() {
    }

    /** The registry with {@code <jingle/>} added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry.withPayload(new FunctionalCodec<>(List.of(JINGLE), Jingle.class, JingleCodecs::decode, JingleCodecs::encode));
    }

    private static Either<CodecError, Jingle> decode(Element jingle, CodecContext context) {
        Option<JingleAction> action = jingle.attribute("action").flatMap(JingleAction::of);
        Option<String> sid = jingle.attribute("sid").filter(s -> !s.isEmpty());
        if (action.isEmpty() || sid.isEmpty()) {
            return Either.left(CodecError.badRequest("<jingle/> needs a known 'action' and a 'sid' (XEP-0166 §7.1)"));
        }
        Either<CodecError, Option<Jid>> initiator = jid(jingle, "initiator");
        Either<CodecError, Option<Jid>> responder = jid(jingle, "responder");
        if (initiator.isLeft() || responder.isLeft()) {
            return Either.left(initiator.isLeft() ? initiator.getLeft() : responder.getLeft());
        }
        Seq<Either<CodecError, JingleContent>> contents = jingle.elements().filter(e -> e.is(NS, "content")).map(JingleCodecs::content);
        Option<CodecError> bad = contents.find(Either::isLeft).map(Either::getLeft);
        if (bad.isDefined()) {
            return Either.left(bad.get());
        }
        Option<JingleReason> reason = jingle.element(NS, "reason").map(JingleCodecs::reason);
        Option<Element> info = jingle.elements().find(e -> !e.is(NS, "content") && !e.is(NS, "reason"));
        Option<Either<CodecError, Checksum>> checksum = info.filter(e -> e.is(FileDescription.NAMESPACE, "checksum")).map(JingleFileCodec::checksum);
        if (checksum.exists(Either::isLeft)) {
            return Either.left(checksum.get().getLeft());
        }
        return Either.right(new Jingle(action.get(), sid.get(), initiator.get(), responder.get(), contents.map(Either::get), reason, info,
                checksum.map(Either::get)));
    }

    private static Either<CodecError, Option<Jid>> jid(Element element, String attribute) {
        Option<String> value = element.attribute(attribute);
        if (value.isEmpty()) {
            return Either.right(Option.none());
        }
        return Jid.parse(value.get()).mapLeft(error -> CodecError.badRequest("'" + attribute + "' is not a JID: " + error.message()))
                .map(Option::some);
    }

    private static Either<CodecError, JingleContent> content(Element content) {
        Option<String> creator = content.attribute("creator");
        Option<String> name = content.attribute("name");
        if (creator.isEmpty() || name.isEmpty()) {
            return Either.left(CodecError.badRequest("a <content/> has a 'creator' and a 'name' (XEP-0166 §7.3)"));
        }
        Option<Element> descriptionElement = content.elements().find(e -> e.localName().equals("description"));
        Either<CodecError, Option<JingleDescription>> description = descriptionElement.isEmpty() ? Either.right(Option.none())
                : description(descriptionElement.get()).map(Option::some);
        Option<Element> transportElement = content.elements().find(e -> e.localName().equals("transport"));
        Either<CodecError, Option<JingleTransport>> transport = transportElement.isEmpty() ? Either.right(Option.none())
                : JingleTransportCodec.decode(transportElement.get()).map(Option::some);
        if (description.isLeft() || transport.isLeft()) {
            return Either.left(description.isLeft() ? description.getLeft() : transport.getLeft());
        }
        return Either.right(new JingleContent(creator.get(), name.get(), content.attribute("senders"), description.get(), transport.get(),
                content.elements().find(e -> e.localName().equals("security"))));
    }

    private static Either<CodecError, JingleDescription> description(Element description) {
        if (!description.namespace().equals(FileDescription.NAMESPACE)) {
            return Either.right(new JingleDescription.Other(description));
        }
        Option<Element> file = description.element(FileDescription.NAMESPACE, "file");
        if (file.isEmpty()) {
            return Either.left(CodecError.badRequest("a file-transfer description has a <file/> (XEP-0234 §3)"));
        }
        return JingleFileCodec.decode(file.get()).map(FileDescription::new);
    }

    private static JingleReason reason(Element reason) {
        Option<Element> condition = reason.elements().find(e -> e.namespace().equals(NS) && !e.localName().equals("text"));
        return new JingleReason(condition.map(Element::localName).getOrElse("general-error"), reason.element(NS, "text").map(Element::text),
                condition.flatMap(c -> c.element(NS, "sid")).map(e -> e.text().strip()),
                reason.elements().find(e -> !e.namespace().equals(NS)));
    }

    private static Element encode(Jingle jingle, CodecContext context) {
        Element element = Element.of(JINGLE).withAttribute("action", jingle.action().wireName())
                .withAttribute("initiator", jingle.initiator().map(Jid::toString))
                .withAttribute("responder", jingle.responder().map(Jid::toString))
                .withAttribute("sid", jingle.sid());
        for (JingleContent content : jingle.contents()) {
            Element c = Element.of(NS, "content").withAttribute("creator", content.creator()).withAttribute("name", content.name())
                    .withAttribute("senders", content.senders());
            if (content.description().isDefined()) {
                JingleDescription description = content.description().get();
                c = c.withChild(description instanceof FileDescription file
                        ? Element.of(FileDescription.NAMESPACE, "description").withChild(JingleFileCodec.encode(file.file()))
                        : ((JingleDescription.Other) description).element());
            }
            if (content.transport().isDefined()) {
                c = c.withChild(JingleTransportCodec.encode(content.transport().get()));
            }
            if (content.security().isDefined()) {
                c = c.withChild(content.security().get());
            }
            element = element.withChild(c);
        }
        if (jingle.reason().isDefined()) {
            JingleReason reason = jingle.reason().get();
            Element condition = reason.alternativeSid().map(sid -> Element.of(NS, reason.condition()).withChild(Element.of(NS, "sid").withText(sid)))
                    .getOrElse(Element.of(NS, reason.condition()));
            Element r = Element.of(NS, "reason").withChild(condition);
            Element withText = reason.text().map(t -> r.withChild(Element.of(NS, "text").withText(t))).getOrElse(r);
            element = element.withChild(reason.application().map(withText::withChild).getOrElse(withText));
        }
        if (jingle.info().isDefined()) {
            return element.withChild(jingle.info().get());
        }
        return jingle.checksum().map(JingleFileCodec::encode).map(element::withChild).getOrElse(element);
    }
}
