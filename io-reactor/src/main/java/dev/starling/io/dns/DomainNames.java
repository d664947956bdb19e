package dev.starling.io.dns;

import com.ibm.icu.text.IDNA;
import io.vavr.control.Option;
import java.util.Locale;

/**
 * Domain names in the form DNS queries and certificate checks compare: IDNA2008 A-labels (RFC 5890
 * §2.3.2.1, through ICU4J's UTS #46 non-transitional processing, as {@code Jid} uses), lower case, without a
 * final root dot. RFC 6125 §6.4.2 compares internationalized names as A-labels; RFC 6120 §3.2.1 queries
 * SRV records with the A-label form of the domain.
 */
public final class DomainNames {

    private static final IDNA IDNA2008 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO
            | IDNA.USE_STD3_RULES);

    private DomainNames() {
    }

    /** The A-label form of a domain name in U-label or A-label form; none if it is not a valid host name. */
    public static Option<String> toAscii(String name) {
        String trimmed = withoutRootDot(name);
        if (trimmed.isEmpty()) {
            return Option.none();
        }
        StringBuilder out = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        IDNA2008.nameToASCII(trimmed, out, info);
        return info.hasErrors() ? Option.none() : Option.some(out.toString().toLowerCase(Locale.ROOT));
    }

    /** The U-label form of a domain name (the form of a JID's domainpart, RFC 7622 §3.2); none if invalid. */
    public static Option<String> toUnicode(String name) {
        String trimmed = withoutRootDot(name);
        if (trimmed.isEmpty()) {
            return Option.none();
        }
        StringBuilder out = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        IDNA2008.nameToUnicode(trimmed, out, info);
        return info.hasErrors() ? Option.none() : Option.some(out.toString());
    }

    private static String withoutRootDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
