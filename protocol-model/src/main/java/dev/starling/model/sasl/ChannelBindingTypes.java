package dev.starling.model.sasl;

import dev.starling.model.Extension;
import io.vavr.collection.Seq;

import java.util.Objects;

/**
 * The {@code <sasl-channel-binding xmlns='urn:xmpp:sasl-cb:0'/>} stream feature, XEP-0440 §3:
 * the channel-binding types the server supports for SASL -PLUS mechanisms (e.g.
 * {@code tls-exporter}, {@code tls-server-end-point}).
 *
 * @param types the announced types, in the server's order
 */
public record ChannelBindingTypes(Seq<String> types) implements Extension {

    /** The feature's namespace. */
    public static final String NAMESPACE = "urn:xmpp:sasl-cb:0";

    public ChannelBindingTypes {
        Objects.requireNonNull(types, "types");
    }
}
