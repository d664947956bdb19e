package dev.starling.machine.session;

/** Whether STARTTLS (RFC 6120 §5) must, may or must not be negotiated on a stream. */
public enum TlsPolicy {
    /** TLS is mandatory-to-negotiate: the server marks it {@code <required/>}; a client refuses a server without it. */
    REQUIRED,
    /** TLS is offered (server) or used when offered (client), but a stream without it is accepted. */
    OPTIONAL,
    /** TLS is neither offered nor used (tests and loopback only). */
    DISABLED
}
