/** Codecs for the blocking command, XEP-0191. */
package dev.starling.codec.blocking;
