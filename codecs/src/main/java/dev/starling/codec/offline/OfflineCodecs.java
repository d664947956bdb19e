package dev.starling.codec.offline;

import dev.starling.codec.CodecContext;
import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.offline.OfflineRetrieval;
import io.vavr.collection.Array;
import io.vavr.control.Either;
import io.vavr.control.Option;

import io.vavr.collection.List;
import java.util.Locale;

/**
 * XEP-0013's {@code <offline/>}: with {@code <fetch/>} or {@code <purge/>}, or with
 * {@code <item node='...' action='view|remove'/>} children (no action in a message's marker).
 * An item without a 'node' or with an unknown action is bad-request, as is a fetch or purge
 * mixed with anything else.
 */
public final class OfflineCodecs {

    private static final QName OFFLINE = QName.of(OfflineRetrieval.NAMESPACE, "offline");
    private static final QName ITEM = QName.of(OfflineRetrieval.NAMESPACE, "item");
    private static final QName FETCH = QName.of(OfflineRetrieval.NAMESPACE, "fetch");
    private static final QName PURGE = QName.of(OfflineRetrieval.NAMESPACE, "purge");

    private OfflineCodecs() {
    }

    /** The registry with {@code <offline/>} added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry.withPayload(new FunctionalCodec<>(List.of(OFFLINE), OfflineRetrieval.class,
                OfflineCodecs::decode, OfflineCodecs::encode));
    }

    private static Either<CodecError, OfflineRetrieval> decode(Element element, CodecContext context) {
        Array<Element> children = Array.ofAll(element.elements());
        boolean fetch = children.exists(child -> child.name().equals(FETCH));
        boolean purge = children.exists(child -> child.name().equals(PURGE));
        if (fetch || purge) {
            return children.size() == 1 ? Either.right(fetch ? new OfflineRetrieval.Fetch() : new OfflineRetrieval.Purge())
                    : Either.left(CodecError.badRequest("<fetch/> and <purge/> stand alone in <offline/> (XEP-0013 §2.6, §2.7)"));
        }
        Array<OfflineRetrieval.Item> items = Array.empty();
        for (Element child : children) {
            if (!child.name().equals(ITEM) || child.attribute("node").isEmpty()) {
                return Either.left(CodecError.badRequest("<offline/> holds <item node='...'/> elements (XEP-0013 §2.4)"));
            }
            Option<String> action = child.attribute("action");
            if (action.exists(a -> !a.equals("view") && !a.equals("remove"))) {
                return Either.left(CodecError.badRequest("an offline item's action is 'view' or 'remove', not '" + action.get() + "'"));
            }
            items = items.append(new OfflineRetrieval.Item(child.attribute("node").get(),
                    action.map(a -> OfflineRetrieval.Action.valueOf(a.toUpperCase(Locale.ROOT)))));
        }
        return Either.right(new OfflineRetrieval.Items(items));
    }

    private static Element encode(OfflineRetrieval offline, CodecContext context) {
        Element.Builder builder = Element.builder(OFFLINE);
        if (offline instanceof OfflineRetrieval.Fetch) {
            builder.child(Element.builder(FETCH).build());
        } else if (offline instanceof OfflineRetrieval.Purge) {
            builder.child(Element.builder(PURGE).build());
        } else {
            for (OfflineRetrieval.Item item : ((OfflineRetrieval.Items) offline).items()) {
                Element.Builder child = Element.builder(ITEM).attribute("node", item.node());
                item.action().forEach(action -> child.attribute("action", action.name().toLowerCase(Locale.ROOT)));
                builder.child(child.build());
            }
        }
        return builder.build();
    }
}
