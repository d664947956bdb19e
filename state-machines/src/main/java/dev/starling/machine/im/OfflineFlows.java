package dev.starling.machine.im;

import dev.starling.machine.core.Fresh;
import dev.starling.machine.core.Step;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.delay.Delay;
import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.disco.DiscoItem;
import dev.starling.model.disco.DiscoItems;
import dev.starling.model.disco.Identity;
import dev.starling.model.element.Element;
import dev.starling.model.element.QName;
import dev.starling.model.offline.OfflineRetrieval;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.Presence;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Offline storage (XEP-0160) and flexible offline message retrieval (XEP-0013) for one account.
 * <ul>
 *   <li>A message the delivery rules store (RFC 6121 §8.5.2.2.1) gets a XEP-0203 delay from the
 *       server's domain and a node; past the account's quota it is refused with
 *       resource-constraint (XEP-0160 §5).</li>
 *   <li>At initial presence with a non-negative priority, every stored message goes to that
 *       resource, oldest first, and is then forgotten (XEP-0160 §3), unless a resource of the
 *       account that is still connected has used XEP-0013 (§2.2: "MUST NOT send a flood").</li>
 *   <li>XEP-0013 requests from the account's own resources: the number of messages in a
 *       disco#info on the node (§2.2, with its XEP-0128 form), the headers in a disco#items (§2.3),
 *       view (§2.4) and remove (§2.5) by node, fetch (§2.6) and purge (§2.7). A view, fetch or
 *       header request sends but keeps the messages (§2.5: "MUST NOT remove a message simply
 *       because it has been requested"). An unknown node fails the whole request with
 *       item-not-found and changes nothing; a view in a set, a remove in a get or an empty list is
 *       bad-request. The same requests from anyone else are forbidden.</li>
 * </ul>
 */
final class OfflineFlows {

    private static final QName DATA_FORM = QName.of("jabber:x:data", "x");

    private OfflineFlows() {
    }

    /** Whether an IQ is a XEP-0013 request: an {@code <offline/>} command or disco on the offline node. */
    static boolean handles(Iq iq) {
        Object payload = iq.payload().getOrNull();
        return iq.type().isRequest() && (payload instanceof OfflineRetrieval
                || payload instanceof DiscoInfo info && info.node().contains(OfflineRetrieval.NAMESPACE)
                || payload instanceof DiscoItems items && items.node().contains(OfflineRetrieval.NAMESPACE));
    }

    /** Stores a message the delivery rules could not hand to any resource. */
    static Step<AccountState, AccountOutput> store(AccountState state, Message message, AccountLimits limits, Fresh fresh) {
        if (state.offline().size() >= limits.offlineMessages()) {
            return Step.of(state, StanzaReplies.error(message, StanzaError.of(StanzaErrorCondition.RESOURCE_CONSTRAINT)
                    .withText("the recipient's offline storage is full")).<AccountOutput>map(AccountOutput.ToContact::new).toList());
        }
        OfflineQueue.Stored stored = new OfflineQueue.Stored(state.offline().nextNode(fresh.now()),
                message.withChild(Delay.of(state.account().domainJid(), fresh.now(), "Offline Storage")));
        return Step.of(state.withOffline(state.offline().append(stored)), new AccountOutput.StoreOffline(stored));
    }

    /** XEP-0160 §3 and XEP-0013 §2.2: what initial presence from this resource brings it. */
    static Step<AccountState, AccountOutput> flood(AccountState state, String resource, Presence presence) {
        OfflineQueue queue = state.offline();
        if (queue.size() == 0 || presence.priority() < 0 || queue.retrieving().exists(state.connected()::contains)) {
            return Step.of(state);
        }
        Seq<AccountOutput> outputs = queue.messages().<AccountOutput>map(stored -> new AccountOutput.ToResource(resource, stored.message()))
                .append(new AccountOutput.ForgetOffline(queue.messages().map(OfflineQueue.Stored::node)));
        return Step.of(state.withOffline(queue.without(queue.messages().map(OfflineQueue.Stored::node))), outputs);
    }

    /** A XEP-0013 request from one of the account's resources. */
    static Step<AccountState, AccountOutput> own(AccountState state, String resource, Iq request) {
        Object payload = request.payload().get();
        AccountState retrieving = state.withOffline(state.offline().retrievedBy(resource));
        if (payload instanceof DiscoInfo || payload instanceof DiscoItems) {
            if (request.type() != IqType.GET) {
                return answer(state, resource, error(request, StanzaErrorCondition.BAD_REQUEST, "service discovery takes a get"));
            }
            return answer(retrieving, resource, StanzaReplies.result(request, payload instanceof DiscoInfo ? count(state) : headers(state)));
        }
        if (payload instanceof OfflineRetrieval.Fetch && request.type() == IqType.GET) {
            return sent(retrieving, resource, request, state.offline().messages());
        }
        if (payload instanceof OfflineRetrieval.Purge && request.type() == IqType.SET) {
            return forgotten(state, resource, request, state.offline().messages().map(OfflineQueue.Stored::node));
        }
        if (payload instanceof OfflineRetrieval.Items items && !items.items().isEmpty()) {
            OfflineRetrieval.Action action = request.type() == IqType.GET ? OfflineRetrieval.Action.VIEW : OfflineRetrieval.Action.REMOVE;
            if (items.items().forAll(item -> item.action().contains(action))) {
                Seq<String> nodes = items.items().map(OfflineRetrieval.Item::node);
                Option<String> unknown = nodes.find(node -> !state.offline().contains(node));
                if (unknown.isDefined()) {
                    return answer(state, resource, error(request, StanzaErrorCondition.ITEM_NOT_FOUND, "no stored message has the node " + unknown.get()));
                }
                return action == OfflineRetrieval.Action.VIEW
                        ? sent(retrieving, resource, request, state.offline().messages().filter(stored -> nodes.contains(stored.node())))
                        : forgotten(state, resource, request, nodes);
            }
        }
        return answer(state, resource, error(request, StanzaErrorCondition.BAD_REQUEST,
                "a get views or fetches, a set removes or purges (XEP-0013 §2.4-§2.7)"));
    }

    /** XEP-0013 §2.3: only the account's own resources see its queue. */
    static Seq<AccountOutput> foreign(Iq request) {
        return Array.of(new AccountOutput.ToContact(error(request, StanzaErrorCondition.FORBIDDEN, "only the account may read its offline messages")));
    }

    /** XEP-0013 §2.2: the node's identity and feature with the number of messages as a XEP-0128 form. */
    private static DiscoInfo count(AccountState state) {
        Element form = Element.builder(DATA_FORM).attribute("type", "result")
                .child(field("FORM_TYPE", Option.some("hidden"), OfflineRetrieval.NAMESPACE))
                .child(field("number_of_messages", Option.none(), Integer.toString(state.offline().size())))
                .build();
        return new DiscoInfo(Option.some(OfflineRetrieval.NAMESPACE), Array.of(new Identity("automation", "message-list", Option.none(), Option.none())),
                Array.of(OfflineRetrieval.NAMESPACE), Array.of(form));
    }

    private static Element field(String var, Option<String> type, String value) {
        Element.Builder field = Element.builder(QName.of(DATA_FORM.namespace(), "field")).attribute("var", var);
        type.forEach(t -> field.attribute("type", t));
        return field.child(Element.builder(QName.of(DATA_FORM.namespace(), "value")).text(value).build()).build();
    }

    /** XEP-0013 §2.3: one item per message, 'jid' the account, 'node' the message, 'name' its sender. */
    private static DiscoItems headers(AccountState state) {
        return new DiscoItems(Option.some(OfflineRetrieval.NAMESPACE), state.offline().messages()
                .map(stored -> new DiscoItem(state.account(), Option.some(stored.node()), stored.message().from().map(Object::toString))));
    }

    /** XEP-0013 §2.4, §2.6: the messages, each marked with its node, then the result. */
    private static Step<AccountState, AccountOutput> sent(AccountState state, String resource, Iq request, Seq<OfflineQueue.Stored> messages) {
        Seq<AccountOutput> outputs = messages.<AccountOutput>map(stored -> new AccountOutput.ToResource(resource, stored.message()
                        .withChild(new OfflineRetrieval.Items(Array.of(new OfflineRetrieval.Item(stored.node(), Option.none()))))))
                .append(new AccountOutput.ToResource(resource, StanzaReplies.result(request)));
        return Step.of(state, outputs);
    }

    /** XEP-0013 §2.5, §2.7: forgotten (durably) before the result. */
    private static Step<AccountState, AccountOutput> forgotten(AccountState state, String resource, Iq request, Seq<String> nodes) {
        return Step.of(state.withOffline(state.offline().without(nodes)), new AccountOutput.ForgetOffline(nodes),
                new AccountOutput.ToResource(resource, StanzaReplies.result(request)));
    }

    private static Step<AccountState, AccountOutput> answer(AccountState state, String resource, Iq reply) {
        return Step.of(state, new AccountOutput.ToResource(resource, reply));
    }

    private static Iq error(Iq request, StanzaErrorCondition condition, String text) {
        return (Iq) StanzaReplies.error(request, StanzaError.of(condition).withText(text)).get();
    }
}
