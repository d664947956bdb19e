/**
 * Codecs for the stream header (RFC 6120 §4.7), stream features (§4.3.2) and stream errors (§4.9).
 */
package dev.starling.codec.stream;
