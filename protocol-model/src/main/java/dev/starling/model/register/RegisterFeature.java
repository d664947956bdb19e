package dev.starling.model.register;

import dev.starling.model.Extension;

/** The in-band registration stream feature, XEP-0077 §6: {@code <register xmlns='http://jabber.org/features/iq-register'/>}. */
public record RegisterFeature() implements Extension {

    /** The feature's namespace. */
    public static final String NAMESPACE = "http://jabber.org/features/iq-register";
}
