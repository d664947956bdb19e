/**
 * The incremental XML stream decoder over Aalto's non-blocking parser (restricted XML per RFC 6120 §11, explicit limits), the encoder, and XML equivalence.
 */
package dev.starling.codec.xml;
