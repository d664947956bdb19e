package dev.starling.model.jid;

/** The three parts of a JID (RFC 7622 §3). */
public enum JidPart {
    /** The optional part before '@' (RFC 7622 §3.3), a PRECIS UsernameCaseMapped string. */
    LOCALPART,
    /** The required part (RFC 7622 §3.2): an IDNA2008 domain name or an IP literal. */
    DOMAINPART,
    /** The optional part after '/' (RFC 7622 §3.4), a PRECIS OpaqueString. */
    RESOURCEPART
}
