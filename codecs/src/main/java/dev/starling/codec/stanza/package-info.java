/**
 * Codecs for message, presence and iq (RFC 6120 §8, RFC 6121) and stanza errors (RFC 6120 §8.3).
 */
package dev.starling.codec.stanza;
