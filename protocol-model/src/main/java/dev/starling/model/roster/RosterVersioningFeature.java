package dev.starling.model.roster;

import dev.starling.model.Extension;

/** The roster versioning stream feature, RFC 6121 §2.6.1: {@code <ver xmlns='urn:xmpp:features:rosterver'/>}. */
public record RosterVersioningFeature() implements Extension {

    /** The feature's namespace. */
    public static final String NAMESPACE = "urn:xmpp:features:rosterver";
}
