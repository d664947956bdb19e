/**
 * The client side of client-to-server streams: RFC 6120 §4 (streams), §5 (STARTTLS), §6 (SASL),
 * §7 (resource binding), RFC 3921 §3 (legacy session), XEP-0368 (direct TLS), and the client
 * half of §9.1.
 */
package dev.starling.machine.stream.client;
