/**
 * The server side of client-to-server streams: RFC 6120 §4 (streams), §5 (STARTTLS), §6 (SASL),
 * §7 (resource binding), §8.1.2.1 (stamping 'from') and the server half of §9.1.
 */
package dev.starling.machine.stream.server;
