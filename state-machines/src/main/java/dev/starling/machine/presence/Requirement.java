package dev.starling.machine.presence;

/** Whether a subscription stanza goes on (routed to the contact, or delivered to the user), in the words of RFC 6121 Appendix A. */
public enum Requirement {
    /** "MUST". */
    MUST,
    /** "S.N.": SHOULD NOT; Starling does not. */
    SHOULD_NOT,
    /** "M.N.": MUST NOT. */
    MUST_NOT;

    /** Whether the stanza goes on. */
    public boolean forwards() {
        return this == MUST;
    }
}
