package dev.starling.codec.disco;

import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.codec.LocalizedTexts;
import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.disco.DiscoItem;
import dev.starling.model.disco.DiscoItems;
import dev.starling.model.disco.Identity;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.ArrayList;

/**
 * XEP-0030 service discovery: disco#info (identities, features, XEP-0128 forms kept as elements)
 * and disco#items. An identity without category or type, a feature without {@code var} or an
 * item without a valid {@code jid} is {@code bad-request} or {@code jid-malformed}.
 */
public final class DiscoCodecs {

    private static final QName INFO = QName.of(DiscoInfo.NAMESPACE, "query");
    private static final QName ITEMS = QName.of(DiscoItems.NAMESPACE, "query");
    private static final QName IDENTITY = QName.of(DiscoInfo.NAMESPACE, "identity");
    private static final QName FEATURE = QName.of(DiscoInfo.NAMESPACE, "feature");
    private static final QName ITEM = QName.of(DiscoItems.NAMESPACE, "item");

    private DiscoCodecs() {
    }

    /** The registry with the disco#info and disco#items payloads added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry
                .withPayload(new FunctionalCodec<>(List.of(INFO), DiscoInfo.class, (e, c) -> decodeInfo(e), (v, c) -> encodeInfo(v)))
                .withPayload(new FunctionalCodec<>(List.of(ITEMS), DiscoItems.class, (e, c) -> decodeItems(e), (v, c) -> encodeItems(v)));
    }

    private static Either<CodecError, DiscoInfo> decodeInfo(Element query) {
        ArrayList<Identity> identities = new ArrayList<>();
        ArrayList<String> features = new ArrayList<>();
        ArrayList<Element> extensions = new ArrayList<>();
        for (Element child : query.elements()) {
            if (child.name().equals(IDENTITY)) {
                Option<String> category = child.attribute("category");
                Option<String> type = child.attribute("type");
                if (category.isEmpty() || type.isEmpty()) {
                    return Either.left(CodecError.badRequest("an identity needs a category and a type (XEP-0030 §3.1)"));
                }
                identities.add(new Identity(category.get(), type.get(), child.attribute("name"), child.attribute(LocalizedTexts.XML_LANG)));
            } else if (child.name().equals(FEATURE)) {
                Option<String> var = child.attribute("var");
                if (var.isEmpty()) {
                    return Either.left(CodecError.badRequest("a feature needs a 'var' (XEP-0030 §3.1)"));
                }
                features.add(var.get());
            } else {
                extensions.add(child);
            }
        }
        return Either.right(new DiscoInfo(query.attribute("node"), Array.ofAll(identities), Array.ofAll(features), Array.ofAll(extensions)));
    }

    private static Element encodeInfo(DiscoInfo info) {
        Element.Builder builder = Element.builder(INFO).attribute("node", info.node());
        for (Identity identity : info.identities()) {
            Element.Builder element = Element.builder(IDENTITY).attribute("category", identity.category())
                    .attribute("type", identity.type()).attribute("name", identity.name());
            identity.lang().forEach(lang -> element.attribute(LocalizedTexts.XML_LANG, lang));
            builder.child(element.build());
        }
        info.features().forEach(var -> builder.child(Element.of(FEATURE).withAttribute("var", var)));
        info.extensions().forEach(builder::child);
        return builder.build();
    }

    private static Either<CodecError, DiscoItems> decodeItems(Element query) {
        ArrayList<DiscoItem> items = new ArrayList<>();
        for (Element child : query.elements(ITEM)) {
            Option<String> jid = child.attribute("jid");
            if (jid.isEmpty()) {
                return Either.left(CodecError.badRequest("an item needs a 'jid' (XEP-0030 §4.1)"));
            }
            Either<?, Jid> parsed = Jid.parse(jid.get());
            if (parsed.isLeft()) {
                return Either.left(CodecError.jidMalformed("item 'jid': " + parsed.getLeft()));
            }
            items.add(new DiscoItem(parsed.get(), child.attribute("node"), child.attribute("name")));
        }
        return Either.right(new DiscoItems(query.attribute("node"), Array.ofAll(items)));
    }

    private static Element encodeItems(DiscoItems items) {
        Element.Builder builder = Element.builder(ITEMS).attribute("node", items.node());
        for (DiscoItem item : items.items()) {
            builder.child(Element.builder(ITEM).attribute("jid", item.jid().toString()).attribute("node", item.node())
                    .attribute("name", item.name()).build());
        }
        return builder.build();
    }
}
