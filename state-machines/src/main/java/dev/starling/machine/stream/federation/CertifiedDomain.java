package dev.starling.machine.stream.federation;

import dev.starling.model.jid.Jid;
import io.vavr.collection.Seq;

/**
 * Whether a peer's certificate identifies the domain it claims in its stream header (XEP-0178 §4
 * step 9, with the RFC 6125 §6.4 rules): the shell passes the certificate's DNS names and
 * XmppAddr domains, already chain-validated. Names compare as JID domainparts (case-folded,
 * IDNA-normalised by the JID model); a wildcard is allowed only as the whole left-most label
 * and then stands for exactly one label (§6.4.3), never directly under a top-level domain.
 */
final class CertifiedDomain {

    private CertifiedDomain() {
    }

    /** Whether one of {@code presented} identifies {@code domain}. */
    static boolean matches(Seq<String> presented, Jid domain) {
        return presented.exists(name -> matches(name, domain));
    }

    private static boolean matches(String presented, Jid domain) {
        if (!presented.startsWith("*.")) {
            return !presented.contains("*") && Jid.ofDomain(presented).exists(domain::equals);
        }
        String parent = presented.substring(2);
        int firstDot = domain.domain().indexOf('.');
        return !parent.contains("*") && parent.contains(".") && firstDot > 0
                && Jid.ofDomain(parent).exists(p -> p.domain().equals(domain.domain().substring(firstDot + 1)));
    }
}
