package dev.starling.model.roster;

import dev.starling.model.Extension;

/** The subscription pre-approval stream feature, RFC 6121 §3.4.1: {@code <sub xmlns='urn:xmpp:features:pre-approval'/>}. */
public record PreApprovalFeature() implements Extension {

    /** The feature's namespace. */
    public static final String NAMESPACE = "urn:xmpp:features:pre-approval";
}
