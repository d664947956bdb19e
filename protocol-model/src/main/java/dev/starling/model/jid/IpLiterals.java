package dev.starling.model.jid;

import io.vavr.control.Option;

import java.util.Locale;

/**
 * The IP-literal form of a domainpart (RFC 7622 §3.2 via RFC 3986 §3.2.2 and RFC 6874): an IPv6
 * address in square brackets, optionally with a zone identifier. IPv4 addresses need no special
 * handling: they already satisfy the hostname rules.
 */
final class IpLiterals {

    private IpLiterals() {
    }

    /** The literal in lowercase if it is {@code [IPv6address]} or {@code [IPv6address%25zone]}. */
    static Option<String> ipv6Literal(String s) {
        if (s.length() < 4 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
            return Option.none();
        }
        String body = s.substring(1, s.length() - 1);
        int zone = body.indexOf("%25");
        String address = zone < 0 ? body : body.substring(0, zone);
        if (zone >= 0 && !isZoneId(body.substring(zone + 3))) {
            return Option.none();
        }
        return isIpv6(address) ? Option.some(s.toLowerCase(Locale.ROOT)) : Option.none();
    }

    private static boolean isZoneId(String zone) {
        if (zone.isEmpty()) {
            return false;
        }
        for (int i = 0; i < zone.length(); i++) {
            char c = zone.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80) && "-._~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String address) {
        int doubleColon = address.indexOf("::");
        if (doubleColon >= 0 && address.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String head = doubleColon < 0 ? address : address.substring(0, doubleColon);
        String tail = doubleColon < 0 ? "" : address.substring(doubleColon + 2);
        int groups = countGroups(head, doubleColon < 0 || tail.isEmpty());
        int tailGroups = doubleColon < 0 ? 0 : countGroups(tail, true);
        if (groups < 0 || tailGroups < 0) {
            return false;
        }
        int total = groups + tailGroups;
        return doubleColon < 0 ? total == 8 : total <= 7;
    }

    /**
     * Counts the 16-bit groups of a colon-separated run (an IPv4 dotted quad counts as two and is
     * allowed only where {@code mayEndInIpv4}); -1 if malformed. The empty string has 0 groups.
     */
    private static int countGroups(String run, boolean mayEndInIpv4) {
        if (run.isEmpty()) {
            return 0;
        }
        String[] parts = run.split(":", -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && mayEndInIpv4 && part.indexOf('.') >= 0) {
                if (!isIpv4(part)) {
                    return -1;
                }
                count += 2;
            } else if (part.isEmpty() || part.length() > 4 || !isHex(part)) {
                return -1;
            } else {
                count++;
            }
        }
        return count;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4(String s) {
        String[] octets = s.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || (octet.length() > 1 && octet.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < octet.length(); i++) {
                if (octet.charAt(i) < '0' || octet.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
