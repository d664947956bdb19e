/**
 * SOCKS5 sockets for XEP-0065 bytestreams: Netty's SOCKS codec on the wire, the pure
 * {@link dev.starling.machine.bytestreams.Socks5Accepting} and
 * {@link dev.starling.machine.bytestreams.Socks5Connecting} machines deciding, and connections
 * that, once the handshake is done, carry raw bytes with Reactor back-pressure.
 */
package dev.starling.io.bytestreams;
