/**
 * Stanza-level behaviour shared by client and server: replies and errors (RFC 6120 §8.2.3,
 * §8.3.1) and the IQ services every entity answers (XEP-0199, XEP-0092, XEP-0030).
 */
package dev.starling.machine.stanza;
