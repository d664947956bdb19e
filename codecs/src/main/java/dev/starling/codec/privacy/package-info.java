/** Codecs for privacy lists, XEP-0016. */
package dev.starling.codec.privacy;
