package dev.starling.machine.im;

import dev.starling.machine.core.Step;
import dev.starling.machine.stanza.StanzaReplies;
import dev.starling.model.element.Element;
import dev.starling.model.element.Node;
import dev.starling.model.element.QName;
import dev.starling.model.element.Text;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Data the server keeps for the account: its vCard (XEP-0054, {@code vcard-temp}) and its private
 * XML storage (XEP-0049, {@code jabber:iq:private}, on which XEP-0048 bookmarks and XEP-0145
 * annotations rest).
 * <ul>
 *   <li>The account gets and sets its own vCard (§2.1, §3.2); without one, a get returns an empty
 *       vCard. Anyone may get it through the account's bare JID (§2.2); only the account sets it.
 *       A vCard over the size limit is refused with not-acceptable.</li>
 *   <li>Private storage keeps each child of a set under its own namespace and returns, for a get
 *       naming one namespace, what is stored under it, or the request's empty element (§2). A query
 *       without a child is bad-request (the XEP's "Bad Format", which RFC 6120 does not define);
 *       more than one namespace in a get, likewise; a reserved namespace ('jabber:',
 *       'http://jabber.org/', 'vcard-temp') is not-acceptable; another account's storage is
 *       forbidden (§2, Example 3).</li>
 * </ul>
 */
final class StorageFlows {

    /** The vCard element of XEP-0054. */
    static final QName VCARD = QName.of("vcard-temp", "vCard");
    /** The private storage query of XEP-0049. */
    static final QName PRIVATE = QName.of("jabber:iq:private", "query");
    private static final String VCARD_KEY = "vcard";
    private static final String PRIVATE_PREFIX = "private:";

    private StorageFlows() {
    }

    /** Whether an IQ is a storage request this entity answers. */
    static boolean handles(Iq iq) {
        return iq.type().isRequest() && iq.payload().exists(p -> p instanceof Element e && (e.name().equals(VCARD) || e.name().equals(PRIVATE)));
    }

    /** A request from one of the account's own resources. */
    static Step<AccountState, AccountOutput> own(AccountState state, String resource, Iq request, AccountLimits limits) {
        Element payload = (Element) request.payload().get();
        if (payload.name().equals(VCARD)) {
            if (request.type() == IqType.GET) {
                return answer(state, resource, StanzaReplies.result(request, vcard(state)));
            }
            if (size(payload) > limits.vcardCharacters()) {
                return answer(state, resource, error(request, StanzaErrorCondition.NOT_ACCEPTABLE,
                        "the vCard is larger than " + limits.vcardCharacters() + " characters"));
            }
            return stored(state, resource, request, VCARD_KEY, payload);
        }
        Seq<Element> children = payload.elements();
        if (children.isEmpty() || request.type() == IqType.GET && children.map(Element::namespace).distinct().size() > 1) {
            return answer(state, resource, echoing(request, StanzaErrorCondition.BAD_REQUEST,
                    "name exactly one namespace to get, at least one element to set (XEP-0049 §2)"));
        }
        if (children.exists(child -> reserved(child.namespace()))) {
            return answer(state, resource, echoing(request, StanzaErrorCondition.NOT_ACCEPTABLE, "that namespace is reserved (XEP-0049 §2)"));
        }
        if (request.type() == IqType.GET) {
            String namespace = children.head().namespace();
            Seq<Node> found = state.data().get(PRIVATE_PREFIX + namespace).map(Element::children).getOrElse(Array.of(children.head()));
            return answer(state, resource, StanzaReplies.result(request, Element.builder(PRIVATE).build().replaceChildren(found)));
        }
        AccountState now = state;
        Seq<AccountOutput> stores = Array.empty();
        for (var group : children.groupBy(Element::namespace)) {
            Element kept = Element.builder(PRIVATE).build().replaceChildren(group._2);
            now = now.withData(now.data().put(PRIVATE_PREFIX + group._1, kept));
            stores = stores.append(new AccountOutput.StoreData(PRIVATE_PREFIX + group._1, Option.some(kept)));
        }
        return Step.of(now, stores.append(new AccountOutput.ToResource(resource, StanzaReplies.result(request))));
    }

    /** A request from another entity to the account's bare JID: its vCard for a get (XEP-0054 §2.2), nothing else. */
    static Seq<AccountOutput> foreign(AccountState state, Iq request) {
        Element payload = (Element) request.payload().get();
        StanzaError forbidden = StanzaError.of(StanzaErrorCondition.FORBIDDEN)
                .withText("only the account itself changes its vCard or reads its private data");
        Iq reply;
        if (payload.name().equals(VCARD)) {
            reply = request.type() == IqType.GET && state.exists() ? StanzaReplies.result(request, vcard(state))
                    : StanzaReplies.errorWithoutPayload(request, forbidden); // XEP-0054 Example 7
        } else {
            reply = (Iq) StanzaReplies.error(request, forbidden).get(); // XEP-0049 Example 3 echoes the query
        }
        return Array.of(new AccountOutput.ToContact(reply.withFrom(Option.some(state.account()))));
    }

    private static Element vcard(AccountState state) {
        return state.data().get(VCARD_KEY).getOrElse(() -> Element.of(VCARD));
    }

    private static Step<AccountState, AccountOutput> stored(AccountState state, String resource, Iq request, String key, Element value) {
        return Step.of(state.withData(state.data().put(key, value)), new AccountOutput.StoreData(key, Option.some(value)),
                new AccountOutput.ToResource(resource, StanzaReplies.result(request)));
    }

    private static Step<AccountState, AccountOutput> answer(AccountState state, String resource, Iq reply) {
        return Step.of(state, new AccountOutput.ToResource(resource, reply));
    }

    private static Iq error(Iq request, StanzaErrorCondition condition, String text) {
        return StanzaReplies.errorWithoutPayload(request, StanzaError.of(condition).withText(text));
    }

    /** An error that carries the request's payload back, as XEP-0049's examples show. */
    private static Iq echoing(Iq request, StanzaErrorCondition condition, String text) {
        return (Iq) StanzaReplies.error(request, StanzaError.of(condition).withText(text)).get();
    }

    private static boolean reserved(String namespace) {
        return namespace.startsWith("jabber:") || namespace.startsWith("http://jabber.org/") || namespace.equals("vcard-temp");
    }

    /** Characters of text and attribute values in the element, a measure of its size that needs no encoding. */
    private static int size(Element element) {
        int own = element.attributes().map(a -> a.value().length()).sum().intValue();
        return own + element.children().map(child -> child instanceof Text text ? text.value().length() : size((Element) child)).sum().intValue();
    }
}
