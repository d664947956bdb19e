package dev.starling.model.jid;

import com.ibm.icu.text.IDNA;
import io.vavr.control.Either;
import rocks.xmpp.precis.PrecisProfiles;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Preparation and enforcement of each JID part: RFC 7622 §3.2 (domainpart, IDNA2008 through
 * ICU's UTS #46 processing), §3.3 (localpart, PRECIS UsernameCaseMapped of RFC 8265 plus the
 * further excluded characters of §3.3.1) and §3.4 (resourcepart, PRECIS OpaqueString). PRECIS is
 * the maintained {@code rocks.xmpp:precis} implementation; pure-ASCII parts take a fast path that
 * gives the same result as the full profile.
 */
final class JidParts {

    /** RFC 7622 §3.1: each part is 1 to 1023 octets of UTF-8. */
    static final int MAX_PART_OCTETS = 1023;

    private static final String EXCLUDED_IN_LOCALPART = "\"&'/:<>@";

    /** ICU's UTS #46 processor is immutable and thread-safe. */
    private static final IDNA IDNA2008 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_UNICODE
            | IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ
            | IDNA.CHECK_CONTEXTO | IDNA.USE_STD3_RULES);

    private JidParts() {
    }

    static Either<String, String> localpart(String raw) {
        if (raw.isEmpty()) {
            return Either.left("must not be empty (RFC 7622 §3.3)");
        }
        String enforced;
        if (isAsciiIdentifier(raw)) {
            enforced = raw.toLowerCase(Locale.ROOT);
        } else {
            try {
                enforced = PrecisProfiles.USERNAME_CASE_MAPPED.enforce(raw);
            } catch (IllegalArgumentException e) {
                return Either.left("violates the PRECIS UsernameCaseMapped profile (RFC 8265 §3.3): " + e.getMessage());
            }
        }
        for (int i = 0; i < enforced.length(); i++) {
            if (EXCLUDED_IN_LOCALPART.indexOf(enforced.charAt(i)) >= 0) {
                return Either.left("must not contain '" + enforced.charAt(i) + "' (RFC 7622 §3.3.1; escape it per XEP-0106)");
            }
        }
        return checkLength(enforced, "3.3");
    }

    static Either<String, String> resourcepart(String raw) {
        if (raw.isEmpty()) {
            return Either.left("must not be empty (RFC 7622 §3.4)");
        }
        String enforced;
        if (isAsciiFreeform(raw)) {
            enforced = raw;
        } else {
            try {
                enforced = PrecisProfiles.OPAQUE_STRING.enforce(raw);
            } catch (IllegalArgumentException e) {
                return Either.left("violates the PRECIS OpaqueString profile (RFC 8265 §4.2): " + e.getMessage());
            }
        }
        return checkLength(enforced, "3.4");
    }

    static Either<String, String> domainpart(String raw) {
        String input = raw.endsWith(".") || raw.endsWith("\u3002") || raw.endsWith("\uFF0E") || raw.endsWith("\uFF61")
                ? raw.substring(0, raw.length() - 1) // RFC 7622 §3.2: strip one final label separator first
                : raw;
        if (input.isEmpty()) {
            return Either.left("must not be empty (RFC 7622 §3.2)");
        }
        if (input.startsWith("[")) {
            return IpLiterals.ipv6Literal(input)
                    .toEither("is not a valid IP-literal (RFC 3986 §3.2.2)")
                    .flatMap(literal -> checkLength(literal, "3.2"));
        }
        if (isAsciiHostname(input)) {
            return checkLength(input.toLowerCase(Locale.ROOT), "3.2");
        }
        StringBuilder unicode = new StringBuilder(input.length());
        IDNA.Info info = new IDNA.Info();
        IDNA2008.nameToUnicode(input, unicode, info);
        if (info.hasErrors()) {
            return Either.left("is not a valid IDNA2008 domain name (RFC 7622 §3.2, RFC 5890): " + info.getErrors());
        }
        if (unicode.length() > 0 && unicode.charAt(unicode.length() - 1) == '.') {
            return Either.left("has an empty label (RFC 7622 §3.2 strips only one final dot)");
        }
        return checkLength(unicode.toString(), "3.2");
    }

    private static Either<String, String> checkLength(String part, String section) {
        int octets = utf8Length(part);
        if (octets == 0) {
            return Either.left("must not be empty (RFC 7622 §" + section + ")");
        }
        if (octets > MAX_PART_OCTETS) {
            return Either.left("is " + octets + " octets, more than " + MAX_PART_OCTETS + " (RFC 7622 §" + section + ")");
        }
        return Either.right(part);
    }

    private static int utf8Length(String s) {
        int length = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return length;
    }

    /** Printable ASCII without space: every such character is PVALID in the IdentifierClass. */
    private static boolean isAsciiIdentifier(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Printable ASCII with space: unchanged by every rule of the OpaqueString profile. */
    private static boolean isAsciiFreeform(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    /**
     * LDH labels of 1 to 63 characters with no leading or trailing hyphen and no "xn--" prefix
     * (A-labels go through IDNA to become U-labels): the same result UTS #46 would give.
     */
    private static boolean isAsciiHostname(String s) {
        int labelLength = 0;
        char previous = '.';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (labelLength == 0 || previous == '-') {
                    return false;
                }
                labelLength = 0;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || (c == '-' && labelLength > 0)) {
                labelLength++;
                if (labelLength > 63 || (labelLength == 4 && c == '-' && s.charAt(i - 1) == '-')) {
                    return false;
                }
            } else {
                return false;
            }
            previous = c;
        }
        return labelLength > 0 && previous != '-';
    }
}
