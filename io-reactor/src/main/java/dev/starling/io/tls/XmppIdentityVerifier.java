package dev.starling.io.tls;

import dev.starling.io.dns.DomainNames;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * Verifies that a server certificate identifies the XMPP domain the client asked for: RFC 6120 §13.7.2.1
 * with the rules of RFC 6125 §6 (which RFC 7590 §3.4 keeps). The reference identifiers for a domain {@code D}
 * are SRV-ID {@code _xmpp-client.D}, DNS-ID {@code D} and XmppAddr {@code D}; a CN-ID is checked only when
 * the certificate presents no DNS-ID, SRV-ID, URI-ID or XmppAddr (§6.4.4). Domains are compared as
 * lower-case A-labels (§6.4.2). A DNS-ID or CN-ID may be a wildcard only as its whole left-most label, which
 * then matches exactly one label, and not directly under a top-level domain (§6.4.3; partial wildcards such
 * as {@code x*.example.com} never match). SRV-IDs and XmppAddrs never hold wildcards. A pure function of the
 * leaf certificate; chain validation is the trust manager's job.
 */
public final class XmppIdentityVerifier {

    /** The type of the presented identifier that matched (RFC 6125 §1.8, RFC 6120 §13.7.1.4). */
    public enum Match { SRV_ID, DNS_ID, XMPP_ADDR, CN_ID }

    private XmppIdentityVerifier() {
    }

    /** The identifier type that matched {@code domain}, or why none did. */
    public static Either<String, Match> verify(X509Certificate leaf, String domain) {
        Option<String> reference = DomainNames.toAscii(domain);
        if (reference.isEmpty()) {
            return Either.left("the XMPP domain is not a domain name: " + domain);
        }
        return verify(PresentedIdentifiers.of(leaf), reference.get())
                .toEither(() -> "the certificate does not identify " + domain);
    }

    private static Option<Match> verify(PresentedIdentifiers ids, String domain) {
        if (ids.srvIds().exists(srv -> srvMatches(srv, domain))) {
            return Option.some(Match.SRV_ID);
        }
        if (ids.dnsIds().exists(dns -> dnsMatches(dns, domain))) {
            return Option.some(Match.DNS_ID);
        }
        if (ids.xmppAddrs().exists(jid -> DomainNames.toAscii(jid).contains(domain))) {
            return Option.some(Match.XMPP_ADDR);
        }
        if (!ids.hasSubjectAltNameIds() && ids.commonNames().lastOption().exists(cn -> dnsMatches(cn, domain))) {
            return Option.some(Match.CN_ID);
        }
        return Option.none();
    }

    /** RFC 6125 §6.5.1: the service label case-insensitively, then the name as a DNS domain name. */
    private static boolean srvMatches(String srv, String domain) {
        int dot = srv.indexOf('.');
        return dot > 0
                && srv.substring(0, dot).equalsIgnoreCase(XmppCertificateOids.CLIENT_SERVICE)
                && DomainNames.toAscii(srv.substring(dot + 1)).contains(domain);
    }

    /** RFC 6125 §6.4.1 to §6.4.3. */
    private static boolean dnsMatches(String presented, String domain) {
        String name = presented.toLowerCase(Locale.ROOT);
        if (!name.startsWith("*.")) {
            return !name.contains("*") && DomainNames.toAscii(name).contains(domain);
        }
        String parent = name.substring(2);
        if (parent.contains("*") || !parent.contains(".")) {
            return false;
        }
        int firstDot = domain.indexOf('.');
        return firstDot > 0 && DomainNames.toAscii(parent).contains(domain.substring(firstDot + 1));
    }
}
