/**
 * The three stanzas of RFC 6120 §8 with the core children of RFC 6121 (§4.7 presence, §5.2 messages) and stanza errors (RFC 6120 §8.3).
 */
package dev.starling.model.stanza;
