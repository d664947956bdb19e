package dev.starling.model.element;

/**
 * Character rules of XML 1.0 (Fifth Edition) §2.2 and Namespaces in XML 1.0 §3 that an
 * {@link Element} enforces, so that every element can be written out as well-formed XML.
 */
public final class XmlChars {

    private XmlChars() {
    }

    /** Whether the code point is a {@code Char} of XML 1.0 §2.2. */
    public static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /**
     * The index of the first character of {@code s} that cannot appear in XML 1.0 content (a
     * forbidden control character, U+FFFE/U+FFFF or an unpaired surrogate), or -1 if none.
     */
    public static int indexOfInvalid(String s) {
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0xD800) {
                continue; // the common case
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (!isXmlChar(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code s} contains only XML 1.0 characters. */
    public static boolean isValidText(String s) {
        return indexOfInvalid(s) < 0;
    }

    /** Whether {@code s} is an {@code NCName} (Namespaces in XML 1.0 §3): a name without colon. */
    public static boolean isNcName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (cp == ':' || !(i == 0 ? isNameStartChar(cp) : isNameChar(cp))) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isNameStartChar(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_' || cp == ':'
                || (cp >= 0xC0 && cp <= 0xD6) || (cp >= 0xD8 && cp <= 0xF6)
                || (cp >= 0xF8 && cp <= 0x2FF) || (cp >= 0x370 && cp <= 0x37D)
                || (cp >= 0x37F && cp <= 0x1FFF) || (cp >= 0x200C && cp <= 0x200D)
                || (cp >= 0x2070 && cp <= 0x218F) || (cp >= 0x2C00 && cp <= 0x2FEF)
                || (cp >= 0x3001 && cp <= 0xD7FF) || (cp >= 0xF900 && cp <= 0xFDCF)
                || (cp >= 0xFDF0 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0xEFFFF);
    }

    private static boolean isNameChar(int cp) {
        return isNameStartChar(cp) || cp == '-' || cp == '.' || (cp >= '0' && cp <= '9')
                || cp == 0xB7 || (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x203F && cp <= 0x2040);
    }
}
