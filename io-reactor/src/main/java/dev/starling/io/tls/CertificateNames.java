package dev.starling.io.tls;

import dev.starling.io.dns.DomainNames;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * The names a certificate is issued for, as they are written into it: the subject's common name and the
 * subjectAltName entries XMPP uses (RFC 6120 §13.7.1.2 and §13.7.1.4, RFC 6125 §1.8): dNSName (DNS-ID),
 * SRVName otherName (SRV-ID, RFC 4985) and id-on-xmppAddr otherName (XmppAddr). Values are written exactly as
 * given, so tests can also issue certificates that break the rules.
 *
 * @param commonName the subject's CN, none for an empty subject
 * @param dnsNames   dNSName values: IA5String, so A-labels (wildcards such as {@code *.example.com} allowed)
 * @param srvNames   SRVName values such as {@code _xmpp-client.example.com}, with A-labels
 * @param xmppAddrs  id-on-xmppAddr values: JIDs as UTF8String
 */
public record CertificateNames(Option<String> commonName, Seq<String> dnsNames, Seq<String> srvNames,
                               Seq<String> xmppAddrs) {

    /**
     * The names of an XMPP server for {@code domain}: CN and DNS-ID with the A-label, SRV-ID
     * {@code _xmpp-client.<domain>}, and XmppAddr with the domain in U-label form (a JID domainpart,
     * RFC 7622 §3.2).
     *
     * @throws IllegalArgumentException if {@code domain} is not a valid domain name
     */
    public static CertificateNames forDomain(String domain) {
        String ascii = DomainNames.toAscii(domain)
                .getOrElseThrow(() -> new IllegalArgumentException("not a domain name: " + domain));
        String unicode = DomainNames.toUnicode(ascii).getOrElse(ascii);
        return new CertificateNames(Option.some(ascii), List.of(ascii),
                List.of(XmppCertificateOids.CLIENT_SERVICE + "." + ascii), List.of(unicode));
    }

    /** The names of an XMPP client for SASL EXTERNAL (XEP-0178 §3): CN and XmppAddr set to {@code jid}. */
    public static CertificateNames forJid(String jid) {
        return new CertificateNames(Option.some(jid), List.empty(), List.empty(), List.of(jid));
    }
}
