/**
 * Codecs for STARTTLS, RFC 6120 §5.4.
 */
package dev.starling.codec.tls;
