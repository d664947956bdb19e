package dev.starling.model.jid;

import io.vavr.control.Either;

/**
 * XEP-0106 JID escaping, which lets a localpart represent the characters RFC 7622 §3.3.1
 * excludes (space {@code " & ' / : < > @}) as {@code \20 \22 \26 \27 \2f \3a \3c \3e \40}. The
 * backslash itself is escaped as {@code \5c} only where it would otherwise start one of the ten
 * escape sequences (XEP-0106 §4, examples 9 to 12 of §5.1).
 */
public final class JidEscaping {

    private static final String ESCAPABLE = " \"&'/:<>@";
    private static final String[] SEQUENCES = {"20", "22", "26", "27", "2f", "3a", "3c", "3e", "40", "5c"};
    private static final String UNESCAPED = " \"&'/:<>@\\";

    private JidEscaping() {
    }

    /**
     * Escapes a user-typed localpart. Fails when it starts or ends with a space, since {@code \20}
     * must not be the first or last sequence of an escaped localpart (XEP-0106 §4).
     */
    public static Either<JidError, String> escapeLocalpart(String input) {
        if (input.startsWith(" ") || input.endsWith(" ")) {
            return Either.left(new JidError(JidPart.LOCALPART,
                    "must not start or end with a space, even escaped (XEP-0106 §4)", input));
        }
        StringBuilder sb = new StringBuilder(input.length() + 8);
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            int index = ESCAPABLE.indexOf(c);
            if (index >= 0) {
                sb.append('\\').append(SEQUENCES[index]);
            } else if (c == '\\' && sequenceAt(input, i + 1, true) >= 0) {
                // the localpart is case-mapped later, so "\5C" would become a sequence too
                sb.append("\\5c");
            } else {
                sb.append(c);
            }
        }
        return Either.right(sb.toString());
    }

    /**
     * Unescapes an escaped localpart for display; only the ten defined (lowercase) sequences are
     * decoded (XEP-0106 §4.3: "MUST unescape only the specified sequences").
     */
    public static String unescapeLocalpart(String escaped) {
        StringBuilder sb = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            int sequence = c == '\\' ? sequenceAt(escaped, i + 1, false) : -1;
            if (sequence >= 0) {
                sb.append(UNESCAPED.charAt(sequence));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int sequenceAt(String s, int index, boolean ignoreCase) {
        if (index + 2 > s.length()) {
            return -1;
        }
        String candidate = s.substring(index, index + 2);
        if (ignoreCase) {
            candidate = candidate.toLowerCase(java.util.Locale.ROOT);
        }
        for (int i = 0; i < SEQUENCES.length; i++) {
            if (SEQUENCES[i].equals(candidate)) {
                return i;
            }
        }
        return -1;
    }
}
