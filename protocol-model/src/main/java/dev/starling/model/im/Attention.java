package dev.starling.model.im;

import dev.starling.model.Extension;

/** {@code <attention xmlns='urn:xmpp:attention:0'/>}: the sender wants the recipient's attention, XEP-0224 §4. */
public record Attention() implements Extension {

    /** The namespace. */
    public static final String NAMESPACE = "urn:xmpp:attention:0";
}
