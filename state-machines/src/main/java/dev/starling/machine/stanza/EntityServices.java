package dev.starling.machine.stanza;

import dev.starling.machine.caps.CapsVerification;
import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.disco.DiscoItem;
import dev.starling.model.disco.DiscoItems;
import dev.starling.model.disco.Identity;
import dev.starling.model.im.Caps;
import dev.starling.model.im.EntityTime;
import dev.starling.model.im.LastActivity;
import dev.starling.model.im.LegacyTime;
import dev.starling.model.ping.Ping;
import dev.starling.model.stanza.Iq;
import dev.starling.model.stanza.IqType;
import dev.starling.model.stanza.Stanza;
import dev.starling.model.stanza.StanzaError;
import dev.starling.model.stanza.StanzaErrorCondition;
import dev.starling.model.version.SoftwareVersion;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The IQ requests every Starling entity answers about itself: XEP-0199 ping (§4.2 and §4.3,
 * an empty result), XEP-0092 software version, XEP-0202 entity time in UTC (and the legacy
 * XEP-0090 form), XEP-0012 last activity (a server's uptime, a client's zero idle time), and
 * XEP-0030 disco#info and disco#items for the entity (the node-less query, and for disco#info
 * also its XEP-0115 capabilities node {@code NODE#ver}, §6.2; an unknown node gets
 * item-not-found, §3.1 and §4.1). Any other request gets {@code service-unavailable} (RFC 6120
 * §8.4). A pure function of the request and the time.
 *
 * @param identities the entity's disco identities
 * @param features   the entity's features (disco#info, disco#items, ping and version are always added)
 * @param items      the entity's disco items (a server's components)
 * @param software   what to say about the software (XEP-0092)
 */
public record EntityServices(Seq<Identity> identities, Seq<String> features, Seq<DiscoItem> items, SoftwareVersion software) {

    /** The features these services implement themselves. */
    public static final Seq<String> BUILT_IN = Array.of(DiscoInfo.NAMESPACE, DiscoItems.NAMESPACE, "urn:xmpp:ping",
            "jabber:iq:version", EntityTime.NAMESPACE, LegacyTime.NAMESPACE, LastActivity.NAMESPACE, Caps.NAMESPACE);

    /** The XEP-0115 node of Starling's software. */
    public static final String NODE = "https://starling.dev";

    private static final DateTimeFormatter LEGACY_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

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

    /** The same services listing this disco item too (a component of a server, XEP-0030 §4). */
    public EntityServices withItem(DiscoItem item) {
        return new EntityServices(identities, features, items.append(item), software);
    }

    /** What disco#info says about this entity (XEP-0030 §3.1). */
    public DiscoInfo info() {
        return DiscoInfo.of(identities, BUILT_IN.appendAll(features).distinct());
    }

    /** The entity's capabilities for its presence (XEP-0115 §4). */
    public Caps caps() {
        return Caps.sha1(NODE, CapsVerification.sha1(info()).getOrElseThrow(problem -> new IllegalStateException(problem)));
    }

    /**
     * The answer to an IQ get or set addressed to this entity.
     *
     * @param now the current time (XEP-0202, XEP-0012)
     * @param up  since when a server has been running (XEP-0012 §5); none for a client, whose idle time is zero
     */
    public Stanza answer(Iq request, Instant now, Option<Instant> up) {
        Object payload = request.payload().getOrNull();
        if (request.type() != IqType.GET) {
            return refuse(request, StanzaErrorCondition.SERVICE_UNAVAILABLE);
        }
        if (payload instanceof Ping) {
            return StanzaReplies.result(request);
        }
        if (payload instanceof SoftwareVersion) {
            return StanzaReplies.result(request, software);
        }
        if (payload instanceof EntityTime) {
            return StanzaReplies.result(request, new EntityTime(Option.some("+00:00"), Option.some(now.truncatedTo(ChronoUnit.MILLIS))));
        }
        if (payload instanceof LegacyTime) {
            return StanzaReplies.result(request, new LegacyTime(Option.some(LEGACY_UTC.format(now)), Option.some("UTC"),
                    Option.some(now.truncatedTo(ChronoUnit.SECONDS).toString())));
        }
        if (payload instanceof LastActivity) {
            return StanzaReplies.result(request, new LastActivity(Option.some(up.map(since -> Duration.between(since, now).toSeconds()).getOrElse(0L)),
                    Option.none()));
        }
        if (payload instanceof DiscoInfo query) {
            if (query.node().isDefined() && !query.node().contains(NODE + "#" + caps().ver())) {
                return refuse(request, StanzaErrorCondition.ITEM_NOT_FOUND);
            }
            DiscoInfo info = info();
            return StanzaReplies.result(request, new DiscoInfo(query.node(), info.identities(), info.features(), info.extensions()));
        }
        if (payload instanceof DiscoItems query) {
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
