package dev.starling.io.dns;

/**
 * One place to connect to for an XMPP service (RFC 6120 §3.2, XEP-0368 §3). TLS always verifies the XMPP
 * domain, never {@code host} (RFC 6125 §6.2.1), and SNI carries the domain (XEP-0368 §3).
 *
 * @param host      the host to connect to: an SRV target, or the domain itself on fallback
 * @param port      the TCP port
 * @param directTls true to start TLS at once ({@code _xmpps-client}, XEP-0368), false to negotiate STARTTLS
 *                  ({@code _xmpp-client}, RFC 6120 §5)
 */
public record XmppEndpoint(String host, int port, boolean directTls) {
}
