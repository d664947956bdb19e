package dev.starling.machine.im;

import dev.starling.machine.roster.RosterLimits;

import java.util.Objects;

/**
 * The limits an account entity enforces.
 *
 * @param roster          the roster's limits (RFC 6121 §2.3.3)
 * @param offlineMessages messages that may wait in offline storage; beyond it a message is
 *                        refused with resource-constraint (XEP-0160 §5)
 * @param vcardCharacters the largest vCard, in characters of text and attribute values (XEP-0054)
 * @param privacyRules    the rules all of an account's privacy lists may hold together; beyond it a
 *                        list is refused with resource-constraint (XEP-0016)
 */
public record AccountLimits(RosterLimits roster, int offlineMessages, int vcardCharacters, int privacyRules) {

    public AccountLimits {
        Objects.requireNonNull(roster, "roster");
        if (offlineMessages < 0 || vcardCharacters < 0 || privacyRules < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }

    /** The default roster limits, 1,000 offline messages, vCards up to 64 KiB of text (avatars included, XEP-0153) and 1,000 privacy rules. */
    public static AccountLimits defaults() {
        return new AccountLimits(RosterLimits.defaults(), 1000, 65536, 1000);
    }
}
