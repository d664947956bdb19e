package dev.starling.model.bind;

import dev.starling.model.Extension;

/**
 * The legacy session-establishment feature of RFC 3921 §3, {@code <session/>} in the features.
 * Modern servers advertise it with {@code <optional/>} (draft-cridland-xmpp-session) so clients
 * may skip it.
 *
 * @param optional whether the server marks the feature optional
 */
public record SessionFeature(boolean optional) implements Extension {
}
