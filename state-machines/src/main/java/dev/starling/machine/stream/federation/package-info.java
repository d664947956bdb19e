/**
 * Server-to-server streams, RFC 6120 §4 to §9.2 with the XEP-0178 §4 profile of SASL EXTERNAL:
 * the initiating server's machine ({@link dev.starling.machine.stream.federation.OutboundServerSession})
 * and the receiving server's ({@link dev.starling.machine.stream.federation.InboundServerSession}).
 * Both streams are unidirectional (RFC 6120 §4.1): stanzas go from the initiating server to the
 * receiving one only. Authentication is by certificate; Server Dialback (XEP-0220) is not implemented.
 */
package dev.starling.machine.stream.federation;
