/**
 * Presence subscriptions, RFC 6121 §3 and Appendix A: the nine subscription states, the server's
 * rules for outbound and inbound {@code subscribe}, {@code subscribed}, {@code unsubscribe} and
 * {@code unsubscribed} as a table, and subscription pre-approval (§3.4). Pure functions of the
 * current state and the stanza type.
 */
package dev.starling.machine.presence;
