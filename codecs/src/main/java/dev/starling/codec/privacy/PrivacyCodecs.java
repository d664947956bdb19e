package dev.starling.codec.privacy;

import dev.starling.codec.CodecContext;
import dev.starling.codec.CodecError;
import dev.starling.codec.CodecRegistry;
import dev.starling.codec.FunctionalCodec;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.jid.Jid;
import dev.starling.model.privacy.PrivacyList;
import dev.starling.model.privacy.PrivacyQuery;
import dev.starling.model.privacy.PrivacyRule;
import io.vavr.collection.Array;
import io.vavr.collection.LinkedHashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Locale;

/**
 * XEP-0016's {@code <query xmlns='jabber:iq:privacy'/>} with its {@code <active/>},
 * {@code <default/>} and {@code <list/>} children and their {@code <item/>} rules. A rule with an
 * unknown type, action or child, without an action or order, with an order that is not an
 * unsignedInt, a subscription value other than both/to/from/none, or a type without a value is
 * bad-request; an invalid JID value is jid-malformed; a list without a name is bad-request.
 */
public final class PrivacyCodecs {

    private static final String NS = PrivacyQuery.NAMESPACE;
    private static final QName QUERY = QName.of(NS, "query");
    private static final java.util.Map<String, PrivacyRule.Kind> KINDS = java.util.Map.of(
            "message", PrivacyRule.Kind.MESSAGE, "iq", PrivacyRule.Kind.IQ,
            "presence-in", PrivacyRule.Kind.PRESENCE_IN, "presence-out", PrivacyRule.Kind.PRESENCE_OUT);
    private static final java.util.Set<String> SUBSCRIPTIONS = java.util.Set.of("both", "to", "from", "none");

    private PrivacyCodecs() {
    }

    /** The registry with the privacy query added. */
    public static CodecRegistry register(CodecRegistry registry) {
        return registry.withPayload(new FunctionalCodec<>(List.of(QUERY), PrivacyQuery.class, PrivacyCodecs::decode, PrivacyCodecs::encode));
    }

    private static Either<CodecError, PrivacyQuery> decode(Element query, CodecContext context) {
        Option<Option<String>> active = Option.none();
        Option<Option<String>> defaultList = Option.none();
        Array<PrivacyList> lists = Array.empty();
        for (Element child : query.elements()) {
            if (!child.namespace().equals(NS)) {
                return Either.left(CodecError.badRequest("a privacy query holds <active/>, <default/> and <list/> (XEP-0016 §2.1)"));
            }
            switch (child.localName()) {
                case "active" -> active = Option.some(child.attribute("name"));
                case "default" -> defaultList = Option.some(child.attribute("name"));
                case "list" -> {
                    Either<CodecError, PrivacyList> list = list(child);
                    if (list.isLeft()) {
                        return Either.left(list.getLeft());
                    }
                    lists = lists.append(list.get());
                }
                default -> {
                    return Either.left(CodecError.badRequest("a privacy query holds <active/>, <default/> and <list/>, not <" + child.localName() + "/>"));
                }
            }
        }
        return Either.right(new PrivacyQuery(active, defaultList, lists));
    }

    private static Either<CodecError, PrivacyList> list(Element list) {
        if (list.attribute("name").isEmpty()) {
            return Either.left(CodecError.badRequest("a privacy list needs a 'name' (XEP-0016 §2.1)"));
        }
        Array<PrivacyRule> rules = Array.empty();
        for (Element item : list.elements()) {
            Either<CodecError, PrivacyRule> rule = item.localName().equals("item") ? rule(item)
                    : Either.left(CodecError.badRequest("a privacy list holds <item/> rules, not <" + item.localName() + "/>"));
            if (rule.isLeft()) {
                return Either.left(rule.getLeft());
            }
            rules = rules.append(rule.get());
        }
        return Either.right(new PrivacyList(list.attribute("name").get(), rules));
    }

    private static Either<CodecError, PrivacyRule> rule(Element item) {
        Option<String> typeText = item.attribute("type");
        Option<String> value = item.attribute("value");
        Option<PrivacyRule.Type> type = typeText.flatMap(t -> switch (t) {
            case "jid" -> Option.some(PrivacyRule.Type.JID);
            case "group" -> Option.some(PrivacyRule.Type.GROUP);
            case "subscription" -> Option.some(PrivacyRule.Type.SUBSCRIPTION);
            default -> Option.none();
        });
        if (typeText.isDefined() && type.isEmpty()) {
            return Either.left(CodecError.badRequest("a privacy rule's type is jid, group or subscription, not '" + typeText.get() + "'"));
        }
        if (type.isDefined() != value.isDefined()) {
            return Either.left(CodecError.badRequest("a privacy rule has a type and a value, or neither (the fall-through rule)"));
        }
        if (type.contains(PrivacyRule.Type.JID) && Jid.parse(value.get()).isLeft()) {
            return Either.left(CodecError.jidMalformed("privacy rule value '" + value.get() + "' is not a JID"));
        }
        if (type.contains(PrivacyRule.Type.SUBSCRIPTION) && !SUBSCRIPTIONS.contains(value.get())) {
            return Either.left(CodecError.badRequest("a subscription rule's value is both, to, from or none, not '" + value.get() + "'"));
        }
        Option<PrivacyRule.Action> action = item.attribute("action").flatMap(a -> a.equals("allow") ? Option.some(PrivacyRule.Action.ALLOW)
                : a.equals("deny") ? Option.some(PrivacyRule.Action.DENY) : Option.none());
        if (action.isEmpty()) {
            return Either.left(CodecError.badRequest("a privacy rule's action is allow or deny (XEP-0016 §2.1)"));
        }
        Option<Long> order = item.attribute("order").flatMap(o -> o.matches("\\d{1,10}") ? Option.some(Long.parseLong(o)) : Option.none())
                .filter(o -> o <= 0xFFFF_FFFFL);
        if (order.isEmpty()) {
            return Either.left(CodecError.badRequest("a privacy rule's order is an unsignedInt (XEP-0016 §2.1)"));
        }
        Set<PrivacyRule.Kind> kinds = LinkedHashSet.empty();
        for (Element child : item.elements()) {
            PrivacyRule.Kind kind = child.namespace().equals(NS) ? KINDS.get(child.localName()) : null;
            if (kind == null) {
                return Either.left(CodecError.badRequest("a privacy rule covers message, iq, presence-in or presence-out, not <" + child.localName() + "/>"));
            }
            kinds = kinds.add(kind);
        }
        return Either.right(new PrivacyRule(type, value, action.get(), order.get(), kinds));
    }

    private static Element encode(PrivacyQuery query, CodecContext context) {
        Element.Builder builder = Element.builder(QUERY);
        query.active().forEach(name -> builder.child(Element.builder(NS, "active").attribute("name", name).build()));
        query.defaultList().forEach(name -> builder.child(Element.builder(NS, "default").attribute("name", name).build()));
        for (PrivacyList list : query.lists()) {
            Element.Builder listElement = Element.builder(NS, "list").attribute("name", list.name());
            for (PrivacyRule rule : list.rules()) {
                Element.Builder item = Element.builder(NS, "item")
                        .attribute("type", rule.type().map(t -> t.name().toLowerCase(Locale.ROOT)))
                        .attribute("value", rule.value())
                        .attribute("action", rule.action().name().toLowerCase(Locale.ROOT))
                        .attribute("order", Long.toString(rule.order()));
                rule.kinds().forEach(kind -> item.child(Element.builder(NS, kind.name().toLowerCase(Locale.ROOT).replace('_', '-')).build()));
                listElement.child(item.build());
            }
            builder.child(listElement.build());
        }
        return builder.build();
    }
}
