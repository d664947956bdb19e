package dev.starling.machine.roster;

/**
 * The server-configured limits of RFC 6121 §2.3.3, and a cap on the roster's size.
 *
 * @param maxItems       items a roster may hold; a set beyond it is resource-constraint
 * @param maxNameLength  characters in an item's 'name' (not-acceptable beyond it)
 * @param maxGroupLength characters in a group name (not-acceptable beyond it)
 * @param maxGroups      groups per item (not-acceptable beyond it)
 */
public record RosterLimits(int maxItems, int maxNameLength, int maxGroupLength, int maxGroups) {

    public RosterLimits {
        if (maxItems < 1 || maxNameLength < 1 || maxGroupLength < 1 || maxGroups < 1) {
            throw new IllegalArgumentException("roster limits must be positive");
        }
    }

    /** 1,000 items, names and group names up to 1,023 characters, 64 groups per item. */
    public static RosterLimits defaults() {
        return new RosterLimits(1000, 1023, 1023, 64);
    }
}
