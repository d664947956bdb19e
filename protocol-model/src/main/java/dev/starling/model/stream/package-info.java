/**
 * Stream-level values of RFC 6120 §4: the stream header, features and stream errors.
 */
package dev.starling.model.stream;
