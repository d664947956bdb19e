/**
 * Finding where an XMPP service listens: DNS SRV lookups of {@code _xmpp-client._tcp} (RFC 6120 §3.2.1) and
 * {@code _xmpps-client._tcp} (XEP-0368), merged and ordered per RFC 2782, with the fallback of RFC 6120
 * §3.2.2; and IDNA2008 domain names (RFC 5890) in the A-label form DNS and certificates use.
 */
package dev.starling.io.dns;
