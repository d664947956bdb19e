/**
 * SASL mechanisms as pure state machines, for both the initiating (client) and the receiving
 * (server) entity, as XMPP uses them (RFC 6120 §6): PLAIN (RFC 4616), SCRAM-SHA-1, SCRAM-SHA-256
 * and SCRAM-SHA-512 (RFC 5802, RFC 7677, draft-melnikov-scram-sha-512) with their -PLUS variants
 * over the {@code tls-exporter} (RFC 9266) and {@code tls-server-end-point} (RFC 5929) channel
 * bindings, ANONYMOUS (RFC 4505, XEP-0175) and EXTERNAL (RFC 4422 Appendix A, XEP-0178).
 *
 * <p>Every state is an immutable object: an input returns the next state together with what to
 * send. Nothing here performs I/O, reads a clock or draws random numbers; nonces and generated
 * usernames arrive as parameters. Strings are prepared with the PRECIS OpaqueString profile
 * (RFC 8265 §4.2), which replaces SASLprep (RFC 4013) for these mechanisms.
 *
 * <p>Entry points: {@link dev.starling.machine.sasl.SaslClients} and
 * {@link dev.starling.machine.sasl.SaslServers}; account creation derives what a server stores
 * with {@link dev.starling.machine.sasl.ScramCredentialsFactory}.
 */
package dev.starling.machine.sasl;
