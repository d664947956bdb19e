package dev.starling.io.tls;

import io.vavr.collection.Array;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;

/**
 * The identifiers a certificate presents (RFC 6125 §1.8), as written in it: subjectAltName dNSName (DNS-ID),
 * uniformResourceIdentifier (URI-ID), SRVName otherName (SRV-ID, RFC 4985), id-on-xmppAddr otherName
 * (XmppAddr, RFC 6120 §13.7.1.4) and the subject's common names (CN-ID). Malformed entries are left out.
 * SASL EXTERNAL reads a client's JIDs from {@link #xmppAddrs()} (XEP-0178 §3).
 *
 * @param dnsIds      dNSName values
 * @param srvIds      SRVName values, such as {@code _xmpp-client.example.com}
 * @param xmppAddrs   id-on-xmppAddr values (JIDs)
 * @param uriIds      uniformResourceIdentifier values
 * @param commonNames the subject's CN values, most specific last (RFC 6125 §2.3.1)
 */
public record PresentedIdentifiers(Seq<String> dnsIds, Seq<String> srvIds, Seq<String> xmppAddrs,
                                   Seq<String> uriIds, Seq<String> commonNames) {

    /** The identifiers of {@code certificate}; all empty if it cannot be parsed. */
    public static PresentedIdentifiers of(X509Certificate certificate) {
        return Try.of(() -> Certificate.getInstance(certificate.getEncoded()))
                .map(PresentedIdentifiers::of)
                .getOrElse(() -> new PresentedIdentifiers(List.empty(), List.empty(), List.empty(), List.empty(),
                        List.empty()));
    }

    /** Whether the certificate has a subjectAltName entry that rules out CN-IDs (RFC 6125 §6.4.4). */
    public boolean hasSubjectAltNameIds() {
        return !(dnsIds.isEmpty() && srvIds.isEmpty() && xmppAddrs.isEmpty() && uriIds.isEmpty());
    }

    /**
     * The domains a peer server's certificate names, for the receiving server's SASL EXTERNAL
     * check (XEP-0178 §4, RFC 6125 §6): DNS-IDs (wildcards kept, the machine applies §6.4.3),
     * {@code _xmpp-server} SRV-IDs without their service label, XmppAddrs that are domains, and
     * the most specific CN-ID when there is no subjectAltName identifier (§6.4.4).
     */
    public Seq<String> serverDomains() {
        String service = XmppCertificateOids.SERVER_SERVICE + ".";
        Seq<String> domains = dnsIds
                .appendAll(srvIds.filter(srv -> srv.regionMatches(true, 0, service, 0, service.length()))
                        .map(srv -> srv.substring(service.length())))
                .appendAll(xmppAddrs.filter(jid -> !jid.contains("@") && !jid.contains("/")));
        return hasSubjectAltNameIds() ? domains.distinct() : commonNames.lastOption().toList();
    }

    private static PresentedIdentifiers of(Certificate certificate) {
        Seq<GeneralName> names = Option.of(certificate.getTBSCertificate().getExtensions())
                .flatMap(extensions -> Option.of(GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName)))
                .map(general -> Array.of(general.getNames()))
                .getOrElse(Array.empty());
        return new PresentedIdentifiers(
                names.filter(name -> name.getTagNo() == GeneralName.dNSName).flatMap(name -> text(name.getName())),
                otherNames(names, XmppCertificateOids.SRV_NAME),
                otherNames(names, XmppCertificateOids.XMPP_ADDR),
                names.filter(name -> name.getTagNo() == GeneralName.uniformResourceIdentifier)
                        .flatMap(name -> text(name.getName())),
                commonNames(certificate.getSubject()));
    }

    private static Seq<String> otherNames(Seq<GeneralName> names, ASN1ObjectIdentifier type) {
        return names.filter(name -> name.getTagNo() == GeneralName.otherName)
                .flatMap(name -> Try.of(() -> OtherName.getInstance(name.getName())).toOption())
                .filter(other -> type.equals(other.getTypeID()))
                .flatMap(other -> text(other.getValue()));
    }

    private static Seq<String> commonNames(X500Name subject) {
        return Array.of(subject.getRDNs())
                .flatMap(rdn -> Array.of(rdn.getTypesAndValues()))
                .filter(value -> BCStyle.CN.equals(value.getType()))
                .map(AttributeTypeAndValue::getValue)
                .flatMap(PresentedIdentifiers::text);
    }

    private static Option<String> text(ASN1Encodable value) {
        return value instanceof ASN1String string ? Option.some(string.getString()) : Option.none();
    }
}
