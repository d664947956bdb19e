/**
 * Codecs for resource binding (RFC 6120 §7) and legacy sessions (RFC 3921 §3).
 */
package dev.starling.codec.bind;
