/**
 * Codecs for SASL, RFC 6120 §6.4.
 */
package dev.starling.codec.sasl;
