package dev.starling.codec.roster;

import dev.starling.codec.CodecContext;
import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import dev.starling.model.roster.ItemSubscription;
import dev.starling.model.roster.PreApprovalFeature;
import dev.starling.model.roster.RosterItem;
import dev.starling.model.roster.RosterQuery;
import dev.starling.model.roster.RosterVersioningFeature;
import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The roster query of RFC 6121 §2.1 and the roster versioning (§2.6.1) and pre-approval
 * (§3.4.1) stream features. Items keep what was written, for the roster machine to judge: an
 * unknown 'subscription' value is dropped (clients and servers ignore it, §2.1.2.5), groups stay
 * in order with duplicates and empty names. A missing 'jid' is bad-request, an invalid one
 * jid-malformed.
 */
public final class RosterCodecs {

    private static final QName QUERY = QName.of(RosterQuery.NAMESPACE, "query");
    private static final QName ITEM = QName.of(RosterQuery.NAMESPACE, "item");
    private static final QName GROUP = QName.of(RosterQuery.NAMESPACE, "group");
    private static final QName VERSIONING = QName.of(RosterVersioningFeature.NAMESPACE, "ver");
    private static final QName PRE_APPROVAL = QName.of(PreApprovalFeature.NAMESPACE, "sub");

    private RosterCodecs() {
    }

    /** The registry with the roster query and features added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry
                .withFeature(FunctionalCodec.empty(VERSIONING, RosterVersioningFeature.class, new RosterVersioningFeature()))
                .withFeature(FunctionalCodec.empty(PRE_APPROVAL, PreApprovalFeature.class, new PreApprovalFeature()))
                .withPayload(new FunctionalCodec<>(List.of(QUERY), RosterQuery.class, RosterCodecs::decode, RosterCodecs::encode));
    }

    private static Either<CodecError, RosterQuery> decode(Element query, CodecContext context) {
        Array<RosterItem> items = Array.empty();
        for (Element child : query.elements(ITEM)) {
            Either<CodecError, RosterItem> item = decodeItem(child);
            if (item.isLeft()) {
                return Either.left(item.getLeft());
            }
            items = items.append(item.get());
        }
        return Either.right(new RosterQuery(query.attribute("ver"), items));
    }

    private static Either<CodecError, RosterItem> decodeItem(Element item) {
        Option<String> jid = item.attribute("jid");
        if (jid.isEmpty()) {
            return Either.left(CodecError.badRequest("a roster item needs a 'jid' (RFC 6121 §2.1.2.3)"));
        }
        Either<?, Jid> parsed = Jid.parse(jid.get());
        if (parsed.isLeft()) {
            return Either.left(CodecError.jidMalformed("roster item 'jid': " + parsed.getLeft()));
        }
        return Either.right(new RosterItem(parsed.get(), item.attribute("name"),
                item.attribute("subscription").flatMap(ItemSubscription::ofWireName),
                item.attribute("ask").contains("subscribe"),
                item.attribute("approved").exists(value -> value.equals("true") || value.equals("1")),
                item.elements(GROUP).map(Element::text)));
    }

    private static Element encode(RosterQuery query, CodecContext context) {
        Element.Builder builder = Element.builder(QUERY).attribute("ver", query.ver());
        for (RosterItem item : query.items()) {
            Element.Builder child = Element.builder(ITEM).attribute("jid", item.jid().toString()).attribute("name", item.name())
                    .attribute("subscription", item.subscription().map(ItemSubscription::wireName))
                    .attribute("ask", item.ask() ? Option.some("subscribe") : Option.none())
                    .attribute("approved", item.approved() ? Option.some("true") : Option.none());
            item.groups().forEach(group -> child.child(Element.builder(GROUP).text(group).build()));
            builder.child(child.build());
        }
        return builder.build();
    }
}
