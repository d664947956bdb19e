/**
 * TLS for XMPP streams (RFC 6120 §5 STARTTLS, XEP-0368 direct TLS), following RFC 7590 and BCP 195
 * (RFC 7525, RFC 8996): server certificates with the XMPP names of RFC 6120 §13.7.1 (DNS-ID, SRV-ID per
 * RFC 4985, id-on-xmppAddr), trust policies, identity verification per RFC 6120 §13.7.2.1 and RFC 6125 §6,
 * client certificates for SASL EXTERNAL (XEP-0178), and the channel bindings of SASL -PLUS mechanisms:
 * {@code tls-exporter} (RFC 9266) and {@code tls-server-end-point} (RFC 5929 §4.1).
 *
 * <p>Every Netty {@code SslContext} built here runs on BoringSSL (netty-tcnative). The JDK 17 JSSE has no
 * keying-material exporter (RFC 8446 §7.5), so the context reads the exporter secret of each TLS 1.3 handshake
 * from BoringSSL's key log and the connection's handler keeps the {@code tls-exporter} value computed from it
 * ({@code Tls13Exporter}, RFC 9266).
 */
package dev.starling.io.tls;
