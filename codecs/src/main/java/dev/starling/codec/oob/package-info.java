/** Codec of XEP-0066 out-of-band data. */
package dev.starling.codec.oob;
