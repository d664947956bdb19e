package dev.starling.machine.stanza;

import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.disco.DiscoItem;
import dev.starling.model.disco.DiscoItems;
import dev.starling.model.disco.Identity;
import dev.starling.model.ping.Ping;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.version.SoftwareVersion;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;

import java.util.Objects;

/**
 * The IQ requests every Starling entity answers about itself: XEP-0199 ping (§4.2 and §4.3,
 * an empty result), XEP-0092 software version, and XEP-0030 disco#info and disco#items for the
 * entity (the node-less query; an unknown node gets item-not-found, §3.1 and §4.1). Any other
 * request gets {@code service-unavailable} (RFC 6120 §8.4). A pure function of the request.
 *
 * @param identities the entity's disco identities
 * @param features   the entity's features (disco#info, disco#items, ping and version are always added)
 * @param items      the entity's disco items (a server's components)
 * @param software   what to say about the software (XEP-0092)
 */
public record EntityServices(Seq<Identity> identities, Seq<String> features, Seq<DiscoItem> items, SoftwareVersion software) {

    /** The features these services implement themselves. */
    public static final Seq<String> BUILT_IN = Array.of(DiscoInfo.NAMESPACE, DiscoItems.NAMESPACE, "urn:xmpp:ping",
            "jabber:iq:version");

    public EntityServices {
        Objects.requireNonNull(identities, "identities");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(software, "software");
    }

    /** The same services advertising these features too. */
    public EntityServices withFeatures(Seq<String> more) {
        return new EntityServices(identities, features.appendAll(more).distinct(), items, software);
    }

    /** The answer to an IQ get or set addressed to this entity. */
    public Stanza answer(Iq request) {
        Object payload = request.payload().getOrNull();
        if (request.type() == IqType.GET && payload instanceof Ping) {
            return StanzaReplies.result(request);
        }
        if (request.type() == IqType.GET && payload instanceof SoftwareVersion) {
            return StanzaReplies.result(request, software);
        }
        if (request.type() == IqType.GET && payload instanceof DiscoInfo query) {
            if (query.node().isDefined()) {
                return refuse(request, StanzaErrorCondition.ITEM_NOT_FOUND);
            }
            return StanzaReplies.result(request, DiscoInfo.of(identities, BUILT_IN.appendAll(features).distinct()));
        }
        if (request.type() == IqType.GET && payload instanceof DiscoItems query) {
            if (query.node().isDefined()) {
                return refuse(request, StanzaErrorCondition.ITEM_NOT_FOUND);
            }
            return StanzaReplies.result(request, new DiscoItems(query.node(), items));
        }
        return refuse(request, StanzaErrorCondition.SERVICE_UNAVAILABLE);
    }

    private static Stanza refuse(Iq request, StanzaErrorCondition condition) {
        return StanzaReplies.error(request, StanzaError.of(condition)).get();
    }
}
