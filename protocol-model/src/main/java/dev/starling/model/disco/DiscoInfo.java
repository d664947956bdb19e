package dev.starling.model.disco;

import dev.starling.model.Extension;
import dev.starling.model.element.Element;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The {@code http://jabber.org/protocol/disco#info} query, XEP-0030 §3: empty (with an optional
 * node) in a {@code get}; identities, features and XEP-0128 extended data forms in the result.
 *
 * @param node       the node queried
 * @param identities the entity's identities
 * @param features   the {@code var} of each {@code <feature/>}
 * @param extensions extended information (XEP-0128 data forms), kept as elements
 */
public record DiscoInfo(Option<String> node, Seq<Identity> identities, Seq<String> features, Seq<Element> extensions)
        implements Extension {

    /** The namespace, which is also the feature every responder advertises (XEP-0030 §3.1). */
    public static final String NAMESPACE = "http://jabber.org/protocol/disco#info";

    public DiscoInfo {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(identities, "identities");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(extensions, "extensions");
    }

    /** The empty query of a {@code get} for the entity itself. */
    public static DiscoInfo query() {
        return new DiscoInfo(Option.none(), Array.empty(), Array.empty(), Array.empty());
    }

    /** A result with these identities and features. */
    public static DiscoInfo of(Seq<Identity> identities, Seq<String> features) {
        return new DiscoInfo(Option.none(), identities, features, Array.empty());
    }

    /** Whether the entity advertises this feature. */
    public boolean hasFeature(String var) {
        return features.contains(var);
    }
}
