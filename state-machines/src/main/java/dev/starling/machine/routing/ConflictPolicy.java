package dev.starling.machine.routing;

/** What the server does when a client asks for a resource another session of the account holds (RFC 6120 §7.7.2.2). */
public enum ConflictPolicy {
    /** Bind the new session and end the old one with a {@code conflict} stream error (§4.9.3.3). */
    REPLACE_OLD,
    /** Refuse the new request with a {@code conflict} stanza error. */
    REFUSE_NEW,
    /** Bind the new session to a different, server-chosen resource. */
    ASSIGN_NEW
}
