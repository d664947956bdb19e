package dev.starling.model.legacyauth;

import dev.starling.model.Extension;

/** The non-SASL authentication stream feature, XEP-0078 §3: {@code <auth xmlns='http://jabber.org/features/iq-auth'/>}. */
public record IqAuthFeature() implements Extension {

    /** The feature's namespace. */
    public static final String NAMESPACE = "http://jabber.org/features/iq-auth";
}
