package dev.starling.io.tls;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** The otherName types of XMPP certificates: id-on-xmppAddr (RFC 6120 §13.7.1.4) and id-on-dnsSRV (RFC 4985 §2). */
final class XmppCertificateOids {

    /** id-on-xmppAddr, 1.3.6.1.5.5.7.8.5: a UTF8String holding a JID (RFC 6120 §13.7.1.4). */
    static final ASN1ObjectIdentifier XMPP_ADDR = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.5");

    /** id-on-dnsSRV, 1.3.6.1.5.5.7.8.7: an IA5String SRVName such as {@code _xmpp-client.example.com} (RFC 4985). */
    static final ASN1ObjectIdentifier SRV_NAME = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.7");

    /** The SRV service label of XMPP client-to-server connections (RFC 6120 §3.2.1, §13.7.1.2.1). */
    static final String CLIENT_SERVICE = "_xmpp-client";
    static final String SERVER_SERVICE = "_xmpp-server";

    private XmppCertificateOids() {
    }
}
