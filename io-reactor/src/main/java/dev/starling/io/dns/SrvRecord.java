package dev.starling.io.dns;

/**
 * An SRV resource record (RFC 2782) of an XMPP client service, tagged with the service it answered.
 *
 * @param priority  lower is tried first (0 to 65535)
 * @param weight    the relative share among records of one priority (0 to 65535)
 * @param port      the port of the service on the target
 * @param target    the target host, without the final dot; "." when the service is not provided
 * @param directTls true for {@code _xmpps-client} (XEP-0368), false for {@code _xmpp-client} (RFC 6120 §3.2.1)
 */
public record SrvRecord(int priority, int weight, int port, String target, boolean directTls) {

    /** The target RFC 2782 uses to say "the service is decidedly not available at this domain". */
    public static final String NOT_AVAILABLE = ".";

    /** Whether this record says that the service is not provided. */
    public boolean notAvailable() {
        return NOT_AVAILABLE.equals(target);
    }

    /** The endpoint this record points to. */
    public XmppEndpoint endpoint() {
        return new XmppEndpoint(target, port, directTls);
    }
}
